import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('AddComplaintInformationInput', {
  description: 'The reporter (or an operator on the phone) adds information; a complaint on hold resumes.',
})
export class AddComplaintInformationInput {
  @Field(() => ID, { nullable: true, description: 'The complaint; or give trackingCode with accessKey.' })
  complaintId?: string | null;

  @Field(() => String, { nullable: true, description: 'With accessKey, for a reporter without an account.' })
  trackingCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The access key answered by submitComplaint.' })
  accessKey?: string | null;

  @Field(() => String, { description: '5–5000 characters.' })
  information!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
