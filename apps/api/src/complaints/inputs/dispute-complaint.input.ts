import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('DisputeComplaintInput', {
  description: "The reporter disputes the agency's answer: the complaint goes to the Ombudsman.",
})
export class DisputeComplaintInput {
  @Field(() => ID, { nullable: true, description: 'The complaint; or give trackingCode with accessKey.' })
  complaintId?: string | null;

  @Field(() => String, { nullable: true, description: 'With accessKey, for a reporter without an account.' })
  trackingCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The access key answered by submitComplaint.' })
  accessKey?: string | null;

  @Field(() => String, { description: 'Why the answer does not settle it, 5–2000 characters.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
