import {
  COMPLAINT_EVENT_TYPES,
  SCHEMA_VERSIONS,
  type ComplaintEvent,
  type ComplaintEventType,
} from './complaint.events.js';

/** An event as it lies in the store: its type, the schema version it was written with, and raw data. */
export interface StoredComplaintEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
}

/** Turns data of `fromVersion` into data of `fromVersion + 1`. Upcasters chain; stored events are never edited. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** Upcasters by event type and the version they read. */
export type UpcasterRegistry = Partial<Record<ComplaintEventType, Readonly<Record<number, Upcaster>>>>;

/**
 * ComplaintSubmitted v1 carried the reporter's contact in clear (`{ name, email, phone }`); v2 seals it.
 * A v1 event cannot be re-sealed (events are immutable and hash-chained), so its contact is marked
 * `clear` and kept as written; the state then records only which parts it has (reporter-identity.ts).
 */
export const submittedV1ToV2: Upcaster = (data) => {
  const reporter = data['reporter'] as Record<string, unknown> | null | undefined;
  if (reporter === null || reporter === undefined) return { ...data, reporter: null };
  return {
    ...data,
    reporter: {
      form: 'clear',
      name: reporter['name'] ?? null,
      email: reporter['email'] ?? null,
      phone: reporter['phone'] ?? null,
    },
  };
};

/** Upcasters in production, by event type and the version each reads. */
export const COMPLAINT_UPCASTERS: UpcasterRegistry = { ComplaintSubmitted: { 1: submittedV1ToV2 } };

export class UnsupportedEventVersion extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly targetVersion: number,
  ) {
    super(
      schemaVersion > targetVersion
        ? `${type} v${schemaVersion} is newer than this code knows (v${targetVersion}); was a deployment rolled back?`
        : `No upcaster turns ${type} v${schemaVersion} into v${targetVersion}`,
    );
    this.name = 'UnsupportedEventVersion';
  }
}

const isComplaintEventType = (type: string): type is ComplaintEventType =>
  (COMPLAINT_EVENT_TYPES as readonly string[]).includes(type);

/**
 * Reads a stored event as the current domain event, upcasting old schema versions.
 * Answers null for event types this domain does not know (another aggregate's, or a newer one).
 */
export function toComplaintEvent(
  stored: StoredComplaintEvent,
  registry: UpcasterRegistry = COMPLAINT_UPCASTERS,
  currentVersions: Readonly<Partial<Record<ComplaintEventType, number>>> = SCHEMA_VERSIONS,
): ComplaintEvent | null {
  if (!isComplaintEventType(stored.type)) return null;
  const target = currentVersions[stored.type] ?? SCHEMA_VERSIONS[stored.type];
  if (stored.schemaVersion > target) throw new UnsupportedEventVersion(stored.type, stored.schemaVersion, target);
  let data = stored.data;
  for (let version = stored.schemaVersion; version < target; version++) {
    const upcast = registry[stored.type]?.[version];
    if (!upcast) throw new UnsupportedEventVersion(stored.type, stored.schemaVersion, target);
    data = upcast(data);
  }
  return { type: stored.type, data } as ComplaintEvent;
}
