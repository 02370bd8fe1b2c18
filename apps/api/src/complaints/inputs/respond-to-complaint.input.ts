import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('RespondToComplaintInput', { description: "The assigned agency's answer." })
export class RespondToComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({ description: '5–5000 characters.' })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
