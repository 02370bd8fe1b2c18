/**
 * An operator erased the reporter's identity at the reporter's request (Law 27/2022 on Personal Data
 * Protection). The edge destroyed the data key the contact was sealed under before this was recorded,
 * so the sealed contact in ComplaintSubmitted can no longer be opened; from here on every view shows
 * "[erased]". Who erased it and when are in the metadata and here; nothing about the reporter is.
 */
export interface ReporterIdentityErased {
  readonly type: 'ReporterIdentityErased';
  readonly data: {
    readonly complaintId: string;
    readonly erasedAt: string;
  };
}

export type ReporterIdentityEvent = ReporterIdentityErased;

export type ReporterIdentityEventType = ReporterIdentityEvent['type'];

/** Schema version of each reporter-identity event's data; bump together with an upcaster. */
export const REPORTER_IDENTITY_SCHEMA_VERSION: Readonly<Record<ReporterIdentityEventType, number>> = {
  ReporterIdentityErased: 1,
};

export const REPORTER_IDENTITY_EVENT_TYPES = Object.keys(
  REPORTER_IDENTITY_SCHEMA_VERSION,
) as readonly ReporterIdentityEventType[];
