import { AGENCY_LEVELS } from '#aduan/agencies';
import { CHANNELS, COMPLAINT_STATUSES, COMPLAINT_TYPES, ROLES, SANCTION_KINDS } from '#aduan/complaints';
import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums are built from the domain's own value lists, so the two cannot drift apart. */
const enumOf = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ComplaintStatusEnum = enumOf(COMPLAINT_STATUSES);
registerEnumType(ComplaintStatusEnum, {
  name: 'ComplaintStatus',
  description: 'Where a complaint stands: SUBMITTED → FORWARDED → RESPONDED → ESCALATED → SANCTIONED.',
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
