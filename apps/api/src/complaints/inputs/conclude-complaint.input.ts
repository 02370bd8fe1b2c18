import type { ConclusionFinding } from '#aduan/complaints';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConclusionFindingEnum } from '../../workflow/workflow.enums.js';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('ConcludeComplaintInput', {
  description: 'The Ombudsman settles an escalated complaint without a sanction and closes it.',
})
export class ConcludeComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => ConclusionFindingEnum)
  finding!: ConclusionFinding;

  @Field(() => String, { description: '5–2000 characters.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
