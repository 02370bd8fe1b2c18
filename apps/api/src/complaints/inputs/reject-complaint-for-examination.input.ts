import type { OmbudsmanRejectionGround } from '#aduan/complaints';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';
import { OmbudsmanRejectionGroundEnum } from '../../workflow/ombudsman.enums.js';

@InputType('RejectComplaintForExaminationInput', {
  description:
    'An Ombudsman office does not accept an escalated report for examination (Law 37/2008 art. 36); the complaint closes.',
})
export class RejectComplaintForExaminationInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => [OmbudsmanRejectionGroundEnum], {
    nullable: true,
    description:
      'Grounds beyond the preconditions. Every failed precondition is recorded without being named here; when both hold, at least one ground is required.',
  })
  grounds?: OmbudsmanRejectionGround[] | null;

  @Field({ description: 'Why, for the reporter and the record, 5–2000 characters.' })
  explanation!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'As for acceptComplaintForExamination: when the matter happened or became known.',
  })
  matterOccurredAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'As for acceptComplaintForExamination: a complaint the reporter made to the agency outside Aduan.',
  })
  agencyComplaintOutsideAduan?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
