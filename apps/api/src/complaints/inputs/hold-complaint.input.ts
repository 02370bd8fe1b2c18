import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('HoldComplaintInput', {
  description: 'An operator returns a report to the reporter for missing information.',
})
export class HoldComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => String, { description: 'What the reporter must add, 5–2000 characters.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
