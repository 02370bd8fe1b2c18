import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('ReturnComplaintInput', {
  description: 'NOT_OUR_AUTHORITY: the assigned agency hands the complaint back up the agency tree.',
})
export class ReturnComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => String, { description: "Why it is not the agency's authority, 5–2000 characters." })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
