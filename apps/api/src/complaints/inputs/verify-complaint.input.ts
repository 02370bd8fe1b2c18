import type { Priority, ServiceCategory } from '#aduan/complaints';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PriorityEnum, ServiceCategoryEnum } from '../../workflow/workflow.enums.js';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('VerifyComplaintInput', {
  description: 'An operator verifies a new report (and may classify it and raise its privacy in the same step).',
})
export class VerifyComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters.' })
  note?: string | null;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority?: Priority | null;

  @Field(() => Boolean, { nullable: true, description: 'true hides the reporter from the agency (only ever raised).' })
  anonymous?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true keeps the complaint out of the public feed (only ever raised).',
  })
  confidential?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
