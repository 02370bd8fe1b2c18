import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('EscalateComplaintInput', { description: 'Send a complaint to the Ombudsman.' })
export class EscalateComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({ description: '5–2000 characters.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The access key, for a reporter without an account (answered by submitComplaint).',
  })
  accessKey?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
