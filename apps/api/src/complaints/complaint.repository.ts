import { randomUUID } from 'node:crypto';
import {
  complaintStreamName,
  ComplaintNotFound,
  leavesDecisionValid,
  replay,
  SCHEMA_VERSIONS,
  toComplaintEvent,
  type Complaint,
  type ComplaintEvent,
  type ComplaintState,
} from '#aduan/complaints';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '#aduan/event-store';
import type { Caller } from '#aduan/identity';
import type { ComplaintSnapshot } from '#aduan/projections';
import { apiError } from '../graphql/api-errors.js';

/** Why and by whom a command runs: becomes every resulting event's metadata. */
export interface CommandContext {
  readonly caller: Caller;
  readonly correlationId: string;
  /** The command's own id: the causation of the events it produces. */
  readonly commandId: string;
  readonly now: Date;
  /**
   * Chooses each event's id; random by default. The deadline scanner derives ids from what it decides,
   * so an append retried after a lost answer is recognised by the store and written once.
   */
  readonly eventId?: (event: ComplaintEvent) => string;
}

export interface LoadedComplaint {
  readonly state: ComplaintState;
  /** Revision of the stream's last event; null when the stream does not exist. */
  readonly version: number | null;
}

// A clash with no expectedVersion from the client means someone wrote in between: deciding again on
// the new state is what the client asked for. With an expectedVersion, deciding again is done only
// when every event written since decides nothing (see `leavesDecisionValid`). A few rounds settle any realistic burst.
const MAX_ATTEMPTS = 5;

/** Loads complaints from their streams and appends decisions with optimistic concurrency. */
export class ComplaintRepository {
  constructor(private readonly store: EventStore) {}

  async load(complaintId: string): Promise<LoadedComplaint> {
    const { state, version } = await this.loadRecorded(complaintId);
    return { state, version };
  }

  /**
   * The complaint as it stood at `version` (the revision a write produced): later events are ignored,
   * so the answer does not change as the complaint moves on. Null when the stream is shorter.
   */
  async loadAt(complaintId: string, version: number): Promise<LoadedComplaint | null> {
    const recorded = await this.store.readStream(complaintStreamName(complaintId));
    if ((recorded.at(-1)?.revision ?? -1) < version) return null;
    return { state: replay(decode(recorded.filter((r) => r.revision <= version))), version };
  }

  private async loadRecorded(complaintId: string): Promise<LoadedComplaint & { recorded: readonly RecordedEvent[] }> {
    const recorded = await this.store.readStream(complaintStreamName(complaintId));
    return { state: replay(decode(recorded)), version: recorded.at(-1)?.revision ?? null, recorded };
  }

  /**
   * Load → check the client's expected version → decide → append at the loaded revision, and answer
   * the state after the write (read-your-write, without waiting for projections).
   */
  async execute(
    complaintId: string,
    expectedVersion: number | null | undefined,
    context: CommandContext,
    decide: (state: ComplaintState) => ComplaintEvent,
  ): Promise<ComplaintSnapshot> {
    return this.executeAll(complaintId, expectedVersion, context, (state) => [decide(state)]);
  }

  /**
   * Like `execute`, for a complaint whose id the caller has just generated at random (a submit): its
   * stream cannot exist yet, so the decision is taken on the empty state without reading the stream
   * (one round trip fewer) and appended with a "no stream" expectation. Should the stream exist after
   * all, the store refuses that append and the command runs as `execute` would: load, decide again.
   */
  async executeNew(
    complaintId: string,
    context: CommandContext,
    decide: (state: ComplaintState) => ComplaintEvent,
  ): Promise<ComplaintSnapshot> {
    const empty = replay([]);
    const events = [decide(empty)];
    try {
      const result = await this.store.append(
        complaintStreamName(complaintId),
        events.map((event) => toNewEvent(event, context)),
        'no-stream',
      );
      return { state: replay(events, empty) as Complaint, version: result.nextExpectedRevision };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return this.execute(complaintId, null, context, decide);
    }
  }

  /**
   * Like `execute`, for decisions of any number of events, appended in one atomic write. A decision
   * of no events writes nothing and answers the complaint as it is.
   */
  async executeAll(
    complaintId: string,
    expectedVersion: number | null | undefined,
    context: CommandContext,
    decide: (state: ComplaintState) => readonly ComplaintEvent[],
  ): Promise<ComplaintSnapshot> {
    for (let attempt = 1; ; attempt++) {
      const { state, version, recorded } = await this.loadRecorded(complaintId);
      if (expectedVersion !== null && expectedVersion !== undefined && version !== expectedVersion) {
        if (version === null) throw new ComplaintNotFound(complaintId);
        // Only events that decide nothing (a deadline warning, an erasure…) may lie between the
        // client's version and now: the client's decision still holds, so it is decided on the new state.
        if (version < expectedVersion || !onlyNonDecisiveSince(recorded, expectedVersion)) {
          throw versionConflict(expectedVersion, version);
        }
      }
      const events = decide(state);
      if (events.length === 0) {
        if (state.status === 'NONE' || version === null) throw new ComplaintNotFound(complaintId);
        return { state, version };
      }
      try {
        const result = await this.store.append(
          complaintStreamName(complaintId),
          events.map((event) => toNewEvent(event, context)),
          version === null ? 'no-stream' : version,
        );
        return { state: replay(events, state) as Complaint, version: result.nextExpectedRevision };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // With a client's expected version, the next round answers CONFLICT unless only non-decisive
        // system events came in between.
        if (attempt >= MAX_ATTEMPTS) {
          if (expectedVersion !== null && expectedVersion !== undefined) {
            throw versionConflict(expectedVersion, error.actual);
          }
          throw error;
        }
      }
    }
  }
}

function decode(recorded: readonly RecordedEvent[]): ComplaintEvent[] {
  const events: ComplaintEvent[] = [];
  for (const r of recorded) {
    const event = toComplaintEvent({ type: r.type, schemaVersion: r.metadata.schemaVersion ?? 1, data: r.data });
    if (event) events.push(event);
  }
  return events;
}

const onlyNonDecisiveSince = (recorded: readonly RecordedEvent[], expectedVersion: number): boolean =>
  recorded
    .filter((r) => r.revision > expectedVersion)
    .every((r) => leavesDecisionValid({ type: r.type, actorRole: r.metadata.actor.role }));

export function toNewEvent(event: ComplaintEvent, context: CommandContext): NewEvent {
  return {
    id: context.eventId?.(event) ?? randomUUID(),
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.commandId,
      actor: { id: context.caller.id, role: context.caller.role, agencyCode: context.caller.agencyCode },
      occurredAt: context.now.toISOString(),
      schemaVersion: SCHEMA_VERSIONS[event.type],
    },
  };
}

const versionConflict = (expected: number, actual: number | null) =>
  apiError(
    'CONFLICT',
    `The complaint is at version ${actual ?? 'none'}, not ${expected}: it changed since you read it; reload and retry`,
    { reason: 'VERSION_CONFLICT', expectedVersion: expected, actualVersion: actual },
  );
