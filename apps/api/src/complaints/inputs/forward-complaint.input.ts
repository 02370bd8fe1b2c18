import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('ForwardComplaintInput', { description: 'Route a complaint to another agency (disposisi).' })
export class ForwardComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({ description: 'Code of the receiving agency.' })
  toAgencyCode!: string;

  @Field(() => String, { nullable: true, description: 'Instructions for the receiving agency, up to 2000 characters.' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
