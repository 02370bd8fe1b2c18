import type { Priority, ServiceCategory } from '#aduan/complaints';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PriorityEnum, ServiceCategoryEnum } from '../../workflow/workflow.enums.js';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('ClassifyComplaintInput', {
  description: 'An operator sets the category or priority, or raises privacy, of a complaint not yet settled.',
})
export class ClassifyComplaintInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => PriorityEnum, {
    nullable: true,
    description: 'URGENT recomputes the running deadlines with the urgent rules.',
  })
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
