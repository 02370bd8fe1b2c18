import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('CloseComplaintInput', {
  description: 'The reporter accepts the answer and closes the complaint with a satisfaction rating.',
})
export class CloseComplaintInput {
  @Field(() => ID, { nullable: true, description: 'The complaint; or give trackingCode with accessKey.' })
  complaintId?: string | null;

  @Field(() => String, { nullable: true, description: 'With accessKey, for a reporter without an account.' })
  trackingCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The access key answered by submitComplaint.' })
  accessKey?: string | null;

  @Field(() => Int, { description: '1 (very unsatisfied) to 5 (very satisfied).' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters.' })
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
