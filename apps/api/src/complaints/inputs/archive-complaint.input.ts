import type { ArchiveReason } from '#aduan/complaints';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArchiveReasonEnum } from '../../workflow/workflow.enums.js';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('ArchiveComplaintInput', { description: 'An operator archives a report at triage, with a reason.' })
export class ArchiveComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => ArchiveReasonEnum)
  reason!: ArchiveReason;

  @Field(() => String, {
    nullable: true,
    description: 'Required for OUT_OF_SCOPE: where the matter belongs (court, police, KPK).',
  })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for DUPLICATE: the complaint this one repeats.' })
  duplicateOfId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
