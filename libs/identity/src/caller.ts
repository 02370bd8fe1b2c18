import type { CommandActor, Role } from '#aduan/complaints';

/** Roles a token may carry; `public` and `system` are never issued. */
export const TOKEN_ROLES = ['citizen', 'operator', 'agency_officer', 'ombudsman', 'auditor', 'sp4n'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** The identity behind a request, as established from its token (or its absence). */
export type Caller = CommandActor & { readonly role: Role };

export const PUBLIC_CALLER: Caller = { id: 'public', role: 'public', agencyCode: null };
export const SYSTEM_CALLER: Caller = { id: 'aduan', role: 'system', agencyCode: null };
