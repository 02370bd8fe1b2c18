import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('ReopenComplaintInput', { description: 'The reporter reopens a closed complaint within the reopen window.' })
export class ReopenComplaintInput {
  @Field(() => ID, { nullable: true, description: 'The complaint; or give trackingCode with accessKey.' })
  complaintId?: string | null;

  @Field(() => String, { nullable: true, description: 'With accessKey, for a reporter without an account.' })
  trackingCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The access key answered by submitComplaint.' })
  accessKey?: string | null;

  @Field(() => String, { description: 'Why it is not settled after all, 5–2000 characters.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
