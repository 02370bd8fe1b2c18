import { AGENCY_LEVELS } from '#aduan/agencies';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  ROLES,
  SANCTION_KINDS,
  type ComplaintStatus,
} from '#aduan/complaints';
import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums are built from the domain's own value lists, so the two cannot drift apart. */
const enumOf = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

/** Every status's meaning; typed by the domain's list, so a new status cannot go undescribed. */
const COMPLAINT_STATUS_MEANINGS: Record<ComplaintStatus, string> = {
  SUBMITTED: 'Received, awaiting triage (again, after a hold).',
  VERIFIED: 'Verified by an operator, awaiting disposition; also where a hand-back to national triage lands.',
  ON_HOLD: 'Returned to the reporter for missing information; its clocks stand still.',
  ARCHIVED: 'Set aside at triage (duplicate, not a public service, unintelligible, out of scope); final.',
  FORWARDED: 'With an agency that has not answered since.',
  RESPONDED: 'The agency answered; the reporter may close it with a rating, dispute it, or let it close itself.',
  ESCALATED: 'With the Ombudsman: awaiting its decision, accepted for examination, or recommended on.',
  SANCTIONED: 'The Ombudsman sanctioned an agency; further tiers may follow.',
  CLOSED:
    'Settled: accepted by the reporter, closed for want of a reply, concluded by the Ombudsman, or not accepted by it for examination.',
};

export const ComplaintStatusEnum = enumOf(COMPLAINT_STATUSES);
registerEnumType(ComplaintStatusEnum, {
  name: 'ComplaintStatus',
  description:
    'Where a complaint stands. The lifecycle SUBMITTED → FORWARDED → RESPONDED → ESCALATED → SANCTIONED, with triage (VERIFIED, ON_HOLD, ARCHIVED) and CLOSED; each value says what it means.',
  valuesMap: Object.fromEntries(
    COMPLAINT_STATUSES.map((status) => [status, { description: COMPLAINT_STATUS_MEANINGS[status] }]),
  ),
});

export const ComplaintTypeEnum = enumOf(COMPLAINT_TYPES);
registerEnumType(ComplaintTypeEnum, {
  name: 'ComplaintType',
  description: 'Complaint (pengaduan), aspiration (aspirasi) or information request (permintaan informasi).',
});

export const ChannelEnum = enumOf(CHANNELS);
registerEnumType(ChannelEnum, { name: 'Channel', description: 'How the report reached the government.' });

export const SanctionKindEnum = enumOf(SANCTION_KINDS);
registerEnumType(SanctionKindEnum, {
  name: 'SanctionKind',
  description: 'Administrative sanctions of Law 25/2009 art. 54–58, lightest first.',
});

export const EscalationSourceEnum = enumOf(['OPERATOR', 'REPORTER', 'SYSTEM'] as const);
registerEnumType(EscalationSourceEnum, {
  name: 'EscalationSource',
  description: 'Who sent the complaint to the Ombudsman.',
});

export const AgencyLevelEnum = enumOf(AGENCY_LEVELS);
registerEnumType(AgencyLevelEnum, { name: 'AgencyLevel', description: 'Tier of the government agency tree.' });

export const RoleEnum = enumOf(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'Role of an actor: PUBLIC is a caller without a token; SYSTEM is Aduan itself.',
});
