import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('IssueRecommendationInput', {
  description:
    'An Ombudsman office issues a recommendation on a report it accepted (Law 37/2008 art. 37–38); the RECOMMENDATION deadline starts.',
})
export class IssueRecommendationInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({
    description:
      'The agency it is addressed to, which must implement it and report: the reported agency or its superior.',
  })
  agencyCode!: string;

  @Field({ description: 'What the agency is to do, 5–4000 characters.' })
  recommendation!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the agency received it, if it was delivered earlier (on paper); defaults to now. Not in the future, not before the acceptance. The deadline counts from it.',
  })
  receivedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
