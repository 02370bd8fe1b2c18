import type {
  OmbudsmanPrecondition,
  OmbudsmanRejectionGround,
  PriorComplaintBasis,
  RecommendationStatus,
} from '#aduan/complaints';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/agency.model.js';
import {
  OmbudsmanExaminationStageEnum,
  OmbudsmanPreconditionEnum,
  OmbudsmanRejectionGroundEnum,
  PriorComplaintBasisEnum,
  RecommendationStatusEnum,
} from '../../workflow/ombudsman.enums.js';

@ObjectType('PriorAgencyComplaint', {
  description: 'How the reporter is known to have complained to the agency before the Ombudsman (Law 37/2008 art. 24).',
})
export class PriorAgencyComplaintModel {
  @Field(() => PriorComplaintBasisEnum)
  basis!: PriorComplaintBasis;

  @Field(() => AgencyModel, { nullable: true, description: 'The agency complained to, when known.' })
  agency!: AgencyModel | null;

  @Field(() => String, {
    nullable: true,
    description: "The Ombudsman's statement of a complaint made outside Aduan, when it gave one.",
  })
  statement!: string | null;
}

@ObjectType('OmbudsmanPreconditions', {
  description: 'The preconditions of Law 37/2008 art. 24 as the Ombudsman decided them, with the facts they rest on.',
})
export class OmbudsmanPreconditionsModel {
  @Field(() => [OmbudsmanPreconditionEnum], {
    description: 'The preconditions that did not hold; empty when accepted.',
  })
  failed!: OmbudsmanPrecondition[];

  @Field(() => PriorAgencyComplaintModel, {
    nullable: true,
    description: 'Null when nothing showed that the reporter complained to the agency first.',
  })
  priorComplaint!: PriorAgencyComplaintModel | null;

  @Field({
    description:
      'When the matter happened or became known (the receipt of the report unless the Ombudsman gave a date).',
  })
  matterOccurredAt!: Date;

  @Field({ description: 'When the report reached the Ombudsman (the escalation); the limit is measured to it.' })
  reportedAt!: Date;

  @Field({ description: 'The limit as configured then (OMBUDSMAN_REPORT_LIMIT), e.g. P24M.' })
  reportLimit!: string;

  @Field({ description: 'The last instant a report of the matter was in time.' })
  reportLimitEndsAt!: Date;
}

@ObjectType('RecommendationImplementation', {
  description: 'The report that a recommendation was implemented (Law 37/2008 art. 38(2)).',
})
export class RecommendationImplementationModel {
  @Field({ description: 'What was done.' })
  note!: string;

  @Field(() => AgencyModel, {
    nullable: true,
    description: "The reporting officer's agency; null when the Ombudsman recorded a report received outside Aduan.",
  })
  reportedByAgency!: AgencyModel | null;

  @Field({ description: 'When it was reported.' })
  implementedAt!: Date;

  @Field({ description: "Reported by the recommendation's dueAt." })
  onTime!: boolean;
}

@ObjectType('OmbudsmanRecommendation', {
  description:
    'A recommendation (rekomendasi) of the Ombudsman (Law 37/2008 art. 37–38): the agency must implement it and report within the RECOMMENDATION deadline.',
})
export class OmbudsmanRecommendationModel {
  @Field(() => Int, { description: "1 for the complaint's first recommendation, 2 for the next…" })
  number!: number;

  @Field(() => AgencyModel, { description: 'The Ombudsman office that issued it.' })
  office!: AgencyModel;

  @Field(() => AgencyModel, { description: 'The agency it is addressed to, which must implement it and report.' })
  agency!: AgencyModel;

  @Field({ description: 'What the agency is to do.' })
  recommendation!: string;

  @Field({ description: 'When it was issued.' })
  issuedAt!: Date;

  @Field({ description: 'When the agency received it; the deadline counts from it.' })
  receivedAt!: Date;

  @Field({ description: 'When the implementation report is due (RECOMMENDATION_DEADLINE after receipt).' })
  dueAt!: Date;

  @Field(() => RecommendationStatusEnum)
  status!: RecommendationStatus;

  @Field(() => RecommendationImplementationModel, { nullable: true, description: 'Null until reported.' })
  implementation!: RecommendationImplementationModel | null;
}

@ObjectType('OmbudsmanExamination', {
  description:
    "The Ombudsman's handling of an escalated report: whether it was accepted for examination (Law 37/2008 art. 24, 36) and its recommendations.",
})
export class OmbudsmanExaminationModel {
  @Field(() => OmbudsmanExaminationStageEnum)
  stage!: keyof typeof OmbudsmanExaminationStageEnum;

  @Field(() => AgencyModel, { nullable: true, description: 'The Ombudsman office that decided; null until decided.' })
  office!: AgencyModel | null;

  @Field(() => Date, { nullable: true, description: 'When it decided; null until decided.' })
  decidedAt!: Date | null;

  @Field(() => OmbudsmanPreconditionsModel, {
    nullable: true,
    description: 'The preconditions decided; null until decided.',
  })
  preconditions!: OmbudsmanPreconditionsModel | null;

  @Field(() => [OmbudsmanRejectionGroundEnum], {
    description: 'Why it was not accepted beyond the failed preconditions; empty otherwise.',
  })
  grounds!: OmbudsmanRejectionGround[];

  @Field(() => String, { nullable: true, description: 'The acceptance note, or the explanation of not accepting.' })
  note!: string | null;

  @Field(() => [OmbudsmanRecommendationModel], { description: 'Recommendations issued, oldest first.' })
  recommendations!: OmbudsmanRecommendationModel[];
}
