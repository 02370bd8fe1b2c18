import { OMBUDSMAN_PRECONDITIONS, OMBUDSMAN_REJECTION_GROUNDS, RECOMMENDATION_STATUSES } from '#aduan/complaints';
import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums of the Ombudsman's examination, built from the domain's value lists. */
const enumOf = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const OmbudsmanExaminationStageEnum = enumOf(['AWAITING_DECISION', 'ACCEPTED', 'REJECTED'] as const);
registerEnumType(OmbudsmanExaminationStageEnum, {
  name: 'OmbudsmanExaminationStage',
  description:
    'AWAITING_DECISION: escalated, the Ombudsman has not decided whether to examine it. ACCEPTED: accepted for examination (Law 37/2008 art. 24). REJECTED: not accepted (art. 36); the complaint is closed.',
});

export const OmbudsmanPreconditionEnum = enumOf(OMBUDSMAN_PRECONDITIONS);
registerEnumType(OmbudsmanPreconditionEnum, {
  name: 'OmbudsmanPrecondition',
  description:
    'The conditions of Law 37/2008 art. 24 for examining a report. COMPLAINED_TO_AGENCY_FIRST: the reporter first complained to the agency (the complaint was with an agency, its legal response deadline passed unanswered, or the Ombudsman states a complaint made outside Aduan). WITHIN_REPORT_LIMIT: the matter was under two years old (OMBUDSMAN_REPORT_LIMIT) when reported to the Ombudsman.',
});

export const OmbudsmanRejectionGroundEnum = enumOf(OMBUDSMAN_REJECTION_GROUNDS);
registerEnumType(OmbudsmanRejectionGroundEnum, {
  name: 'OmbudsmanRejectionGround',
  description:
    'Why the Ombudsman does not accept a report although both preconditions hold (Law 37/2008 art. 36): BEFORE_COURT (it is or was before a court), AGENCY_STILL_HANDLING (the agency is settling it within a reasonable time), SETTLED_BY_AGENCY (the reporter obtained a settlement), OUTSIDE_AUTHORITY (not the Ombudsman’s to examine), OTHER (see the explanation).',
});

export const PriorComplaintBasisEnum = enumOf([
  'ASSIGNED_TO_AGENCY',
  'RESPONSE_DEADLINE_PASSED',
  'STATED_BY_OMBUDSMAN',
] as const);
registerEnumType(PriorComplaintBasisEnum, {
  name: 'PriorComplaintBasis',
  description:
    'How the reporter is known to have complained to the agency first: ASSIGNED_TO_AGENCY (the complaint was with an agency in Aduan), RESPONSE_DEADLINE_PASSED (the legal response deadline passed unanswered), STATED_BY_OMBUDSMAN (a complaint made outside Aduan).',
});

export const RecommendationStatusEnum = enumOf(RECOMMENDATION_STATUSES);
registerEnumType(RecommendationStatusEnum, {
  name: 'RecommendationStatus',
  description:
    'AWAITING_IMPLEMENTATION: the agency has until dueAt to report implementing it. OVERDUE: the RECOMMENDATION deadline passed unreported (recorded by the deadline scanner). IMPLEMENTED: reported in time. IMPLEMENTED_LATE: reported after the deadline.',
});
