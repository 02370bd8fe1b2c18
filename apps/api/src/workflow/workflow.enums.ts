import {
  ARCHIVE_REASONS,
  CONCLUSION_FINDINGS,
  DEADLINE_KINDS,
  DEADLINE_RULES,
  DEADLINE_STATUSES,
  PRIORITIES,
  SERVICE_CATEGORIES,
} from '#aduan/complaints';
import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums built from the domain's value lists, as in graphql/enums.ts. */
const enumOf = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const PriorityEnum = enumOf(PRIORITIES);
registerEnumType(PriorityEnum, {
  name: 'Priority',
  description: 'URGENT is for health, life and safety (e.g. BPJS cases): shorter deadlines.',
});

export const ServiceCategoryEnum = enumOf(SERVICE_CATEGORIES);
registerEnumType(ServiceCategoryEnum, {
  name: 'ServiceCategory',
  description: 'The public service a complaint is about.',
});

export const ArchiveReasonEnum = enumOf(ARCHIVE_REASONS);
registerEnumType(ArchiveReasonEnum, {
  name: 'ArchiveReason',
  description:
    'Why a report was set aside at triage. OUT_OF_SCOPE: court cases, criminal reports and corruption belong elsewhere (the note says where).',
});

export const ConclusionFindingEnum = enumOf(CONCLUSION_FINDINGS);
registerEnumType(ConclusionFindingEnum, {
  name: 'ConclusionFinding',
  description: "The Ombudsman's finding when settling a dispute without a sanction.",
});

export const ClosedByEnum = enumOf(['REPORTER', 'SYSTEM', 'OMBUDSMAN'] as const);
registerEnumType(ClosedByEnum, {
  name: 'ClosedBy',
  description:
    'REPORTER accepted the answer; SYSTEM closed it when the reporter did not reply in time; OMBUDSMAN concluded it, or did not accept it for examination.',
});

export const DeadlineKindEnum = enumOf(DEADLINE_KINDS);
registerEnumType(DeadlineKindEnum, {
  name: 'DeadlineKind',
  description:
    'TRIAGE: verify and dispose. FOLLOW_UP: the agency acts. RESPONSE: the legal answer deadline (dueAt). DISPUTE: the Ombudsman settles. CLOSURE: the reporter replies to an answer. REMEDY: a sanctioned agency remedies. RECOMMENDATION: the agency reports implementing an Ombudsman recommendation (Law 37/2008 art. 38, 60 days).',
});

export const DeadlineRuleEnum = enumOf(DEADLINE_RULES);
registerEnumType(DeadlineRuleEnum, {
  name: 'DeadlineRule',
  description:
    'A configured rule; DISPUTE_FIELD_CHECK is the DISPUTE deadline once a field check is ordered; RECOMMENDATION is RECOMMENDATION_DEADLINE.',
});

export const DeadlineStatusEnum = enumOf(DEADLINE_STATUSES);
registerEnumType(DeadlineStatusEnum, {
  name: 'DeadlineStatus',
  description:
    'OPEN: running. MET: the action came in time. BREACHED: the due time passed without it. EXPIRED: a window that ran out (CLOSURE). CANCELLED: no longer applies.',
});

export const DeadlineSpanUnitEnum = enumOf(['ELAPSED', 'WORKING_DAYS', 'CALENDAR_MONTHS'] as const);
registerEnumType(DeadlineSpanUnitEnum, {
  name: 'DeadlineSpanUnit',
  description: 'ELAPSED time (ISO-8601), WORKING_DAYS (Indonesian civil-service days) or CALENDAR_MONTHS.',
});

export const SanctionLadderStageEnum = enumOf([
  'NOT_SANCTIONED',
  'AWAITING_REMEDY',
  'REMEDIED',
  'NEXT_TIER_DUE',
  'TOP_TIER',
] as const);
registerEnumType(SanctionLadderStageEnum, {
  name: 'SanctionLadderStage',
  description: 'Where a complaint stands on the sanction ladder of Law 25/2009 art. 54.',
});
