import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('OrderFieldCheckInput', {
  description: 'The Ombudsman orders a field check: the dispute deadline becomes DISPUTE_FIELD_CHECK.',
})
export class OrderFieldCheckInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => String, { description: '5–2000 characters.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
