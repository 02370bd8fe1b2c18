import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('ReportRecommendationImplementationInput', {
  description:
    'The agency a recommendation is addressed to (or an agency above it) reports implementing it, or the Ombudsman records such a report (Law 37/2008 art. 38(2)).',
})
export class ReportRecommendationImplementationInput {
  @Field(() => ID)
  complaintId!: string;

  @Field({ description: 'What was done, 5–2000 characters.' })
  note!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
