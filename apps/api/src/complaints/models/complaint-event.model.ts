import type { Role } from '#aduan/complaints';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { RoleEnum } from '../../graphql/enums.js';
import { ComplaintModel } from './complaint.model.js';

@ObjectType('EventActor', { description: 'Who caused an event.' })
export class EventActorModel {
  @Field({ description: 'The subject of their token; "redacted" where it would reveal an anonymous reporter.' })
  id!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { nullable: true })
  agencyCode!: string | null;
}

@ObjectType('ComplaintEvent', { description: "One event of a complaint's stream, with its metadata." })
export class ComplaintEventModel {
  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'Place in the store-wide order (a 64-bit integer as a decimal string).' })
  position!: string;

  @Field(() => Int, { description: 'Index in the complaint stream, 0-based (the version after this event).' })
  revision!: number;

  @Field({ description: 'Stable event type, e.g. ComplaintForwarded.' })
  type!: string;

  @Field(() => Int, { description: "Schema version the event's data was written with." })
  schemaVersion!: number;

  @Field({ description: 'When it happened.' })
  occurredAt!: Date;

  @Field({ description: 'When the store recorded it.' })
  recordedAt!: Date;

  @Field(() => EventActorModel)
  actor!: EventActorModel;

  @Field({ description: 'Shared by every event one request caused.' })
  correlationId!: string;

  @Field({ description: 'The command that caused this event.' })
  causationId!: string;

  @Field(() => GraphQLJSON, {
    description:
      "The event data, upcast to the current schema; identities redacted by role. A submit's `reporter` is shown opened, " +
      '{ name, email, phone } ("[erased]" once erased), to those who may see the reporter, and null to everyone else.',
  })
  data!: Record<string, unknown>;

  @Field(() => ComplaintModel, {
    nullable: true,
    description:
      'The complaint as it stood right after this event (its stream folded up to here), redacted by the same rules as `complaint`; an event of a type this version does not know leaves it unchanged.',
  })
  stateAfter?: ComplaintModel | null;
}
