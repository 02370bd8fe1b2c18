import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('AcceptComplaintForExaminationInput', {
  description:
    'An Ombudsman office accepts an escalated report for examination; both preconditions of Law 37/2008 art. 24 must hold.',
})
export class AcceptComplaintForExaminationInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the matter complained of happened or became known to the reporter; defaults to the receipt of the report. Not later than the escalation. The report must reach the Ombudsman within OMBUDSMAN_REPORT_LIMIT (two years) of it.',
  })
  matterOccurredAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A complaint the reporter made to the agency outside Aduan (when, to whom, how), 5–2000 characters: it satisfies COMPLAINED_TO_AGENCY_FIRST when the history does not.',
  })
  agencyComplaintOutsideAduan?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters.' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
