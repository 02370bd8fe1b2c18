import type { SanctionKind } from '#aduan/complaints';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { SanctionKindEnum } from '../../graphql/enums.js';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('SanctionComplaintInput', { description: 'The Ombudsman records a sanction on an escalated complaint.' })
export class SanctionComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({ description: 'The agency sanctioned.' })
  sanctionedAgencyCode!: string;

  @Field(() => String, { nullable: true, description: 'The official sanctioned, if one is named.' })
  officialName?: string | null;

  @Field(() => SanctionKindEnum)
  kind!: SanctionKind;

  @Field({ description: '5–2000 characters.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
