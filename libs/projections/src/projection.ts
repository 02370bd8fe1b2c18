import type { ComplaintEvent } from '#aduan/complaints';
import type { EventMetadata } from '#aduan/event-store';

/** A decoded (and upcast) event handed to projections, with its place in the store. */
export interface ProjectedEvent {
  /** The id the writer gave the stored event: stable across rebuilds. */
  readonly eventId: string;
  readonly event: ComplaintEvent;
  readonly metadata: EventMetadata;
  readonly streamName: string;
  readonly revision: number;
  /** 1-based index of the event in the store's global order; stable across rebuilds. */
  readonly ordinal: number;
  readonly recordedAt: Date;
}

/** The slice of a pg client projections need: they run inside the projector's transaction. */
export interface SqlExecutor {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>;
}

/**
 * A read model fed from the store. Projections receive events in global order, in batches, inside
 * the transaction that also moves the checkpoint; they must be replay-safe (an event seen twice is
 * a no-op) and must not throw on odd data (log and skip instead).
 */
export interface Projection {
  readonly name: string;
  /** Bump to rebuild this read model from the first event at the next start. */
  readonly version: number;
  /** Tables this projection owns, emptied before a rebuild. */
  readonly tables: readonly string[];
  /**
   * Optional work on a batch before its transaction opens (folding it, reading what it builds on),
   * so the projector can do it while the previous batch is still being written. `apply` must give
   * the same result whether or not this ran. Reads through `sql` see every earlier batch committed.
   */
  prepare?(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void>;
  apply(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void>;
  /**
   * A rebuild starts, into fresh tables no reader sees until it ends: a projection may hold rows
   * back and write each one once, rather than again for every batch that changes it.
   */
  beginRebuild?(): void;
  /** The rebuild has applied every event: write whatever `beginRebuild` let the projection hold back. */
  flush?(sql: SqlExecutor): Promise<void>;
  /**
   * Forget anything remembered across batches: called whenever the projector abandons work (a batch
   * failed, leadership was lost or regained, a rebuild starts), since memory may then be ahead of
   * what was committed.
   */
  reset?(): void;
}
