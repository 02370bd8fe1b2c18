import { evolve, initialState, type Complaint, type ComplaintState } from '#aduan/complaints';
import { describeErrorBriefly } from '#aduan/postgres';
import type { ProjectedEvent, SqlExecutor } from '../projection.js';

/** A complaint as the read models hold it: its domain state, and where it stands in the store. */
export interface FoldedComplaint {
  readonly id: string;
  readonly state: Complaint;
  /** Stream revision of the last event applied. */
  readonly version: number;
  /** Ordinal of its submit in the global order: the stable sort key for paging. */
  readonly listOrder: number;
  /** When the store recorded the last event applied. */
  readonly updatedAt: Date;
}

/** One event's effect on its complaint, as the domain's `evolve` folds it. */
export interface ComplaintTransition {
  readonly projected: ProjectedEvent;
  readonly before: ComplaintState;
  readonly after: ComplaintState;
}

/** A batch folded onto the complaints' states before it. */
export interface FoldedBatch {
  /** The events that moved their complaint, in order; replays and events of unknown complaints are left out. */
  readonly transitions: readonly ComplaintTransition[];
  /** Every complaint the batch moved, as it stands after the batch. */
  readonly changed: readonly FoldedComplaint[];
  /**
   * The complaint rows to write with this batch: every one it moved, or while rebuilding (`defer`)
   * only those it had to forget before they were written.
   */
  readonly toWrite: readonly FoldedComplaint[];
}

export interface ComplaintStatesOptions {
  /** Complaints remembered across batches, most recently moved first (default 10,000). */
  readonly capacity?: number;
  /**
   * While rebuilding: the complaints still moving in a store's history are remembered until they
   * stop, so each row is written about once (default 20,000; about 5 KB of memory each).
   */
  readonly rebuildCapacity?: number;
  readonly log?: (message: string) => void;
}

/**
 * Folds each batch's events onto the complaints' states once, for every read model derived from the
 * complaint (complaint-changes, complaint-summary, complaint-workflow): one `evolve` per event and one
 * read of stored states per batch, instead of one of each per read model.
 *
 * The stored state is complaint_summary's document. The complaints the latest batches moved are
 * remembered, so a batch continuing them reads nothing; the memory is only an optimisation and
 * is dropped (`clear`) whenever the projector loses or abandons work, since it may then be ahead of
 * what was committed. A batch is folded once however many projections ask (by the identity of its
 * events array), so every read model of a batch sees the same fold.
 */
export class ComplaintStates {
  readonly #liveCapacity: number;
  readonly #rebuildCapacity: number;
  readonly #log: (message: string) => void;
  /** Insertion order is recency: the first entries are evicted first. */
  readonly #remembered = new Map<string, FoldedComplaint>();
  /** While deferring: remembered complaints whose rows are not written yet. */
  readonly #unwritten = new Set<string>();
  #deferring = false;
  #folds = new WeakMap<readonly ProjectedEvent[], Promise<FoldedBatch>>();
  #flush: readonly FoldedComplaint[] | null = null;
  #epoch = 0;

  constructor(options: ComplaintStatesOptions = {}) {
    this.#liveCapacity = options.capacity ?? 10_000;
    this.#rebuildCapacity = Math.max(options.rebuildCapacity ?? 20_000, this.#liveCapacity);
    this.#log = options.log ?? (() => undefined);
  }

  get #capacity(): number {
    return this.#deferring ? this.#rebuildCapacity : this.#liveCapacity;
  }

  /**
   * A rebuild into fresh tables starts: from now on a batch's `toWrite` holds only the complaints
   * forgotten before their rows were written; `flush` answers the rest at the end.
   */
  defer(): void {
    if (this.#deferring) return;
    this.clear();
    this.#deferring = true;
  }

  /**
   * Ends deferring: the complaints whose rows are still unwritten, the same list for every caller
   * (the summary and the workflow both write it). What is remembered stays, now written.
   */
  flush(): readonly FoldedComplaint[] {
    if (this.#flush) return this.#flush;
    this.#flush = this.#deferring ? [...this.#unwritten].map((id) => this.#remembered.get(id)!) : [];
    this.#unwritten.clear();
    this.#deferring = false;
    this.#trim([]);
    return this.#flush;
  }

  /**
   * The batch folded onto the states before it. Stored states are read with `sql` for complaints
   * whose first event here continues their stream and that are not remembered; a stream's first
   * event needs none (a stored row can only be a replay of it, which the writes' version guards keep).
   */
  fold(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<FoldedBatch> {
    let folded = this.#folds.get(events);
    if (!folded) {
      folded = this.#fold(sql, events);
      this.#folds.set(events, folded);
    }
    return folded;
  }

  /** Forgets every remembered state and fold, and stops deferring (the projector failed, lost its lock, or rebuilds). */
  clear(): void {
    this.#remembered.clear();
    this.#unwritten.clear();
    this.#deferring = false;
    this.#flush = null;
    this.#folds = new WeakMap();
    this.#epoch += 1;
  }

  async #fold(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<FoldedBatch> {
    const epoch = this.#epoch;
    const stored = await this.#load(sql, this.#continuedUnknown(events));
    const working = new Map<string, FoldedComplaint>();
    const transitions: ComplaintTransition[] = [];
    for (const projected of events) {
      const id = projected.event.data.complaintId;
      const current = working.get(id) ?? this.#remembered.get(id) ?? stored.get(id);
      if (current && projected.revision <= current.version) continue;
      if (!current && projected.event.type !== 'ComplaintSubmitted') {
        this.#log(`skipped ${projected.event.type} of ${id}: the complaint was never submitted`);
        continue;
      }
      const before = current?.state ?? initialState();
      let after: ComplaintState;
      try {
        after = evolve(before, projected.event);
      } catch (error) {
        this.#log(`skipped ${projected.event.type} of ${id}: ${describeErrorBriefly(error)}`);
        continue;
      }
      transitions.push({ projected, before, after });
      if (after.status === 'NONE') continue;
      working.set(id, {
        id,
        state: after,
        version: projected.revision,
        listOrder: current?.listOrder ?? projected.ordinal,
        updatedAt: projected.recordedAt,
      });
    }
    const changed = [...working.values()];
    // A fold that raced a clear() belongs to abandoned work: it must not refill the memory.
    if (epoch !== this.#epoch) return { transitions, changed, toWrite: changed };
    this.#flush = null;
    const forgotten = this.#remember(changed);
    return { transitions, changed, toWrite: this.#deferring ? forgotten : changed };
  }

  /** Complaints whose first event in the batch continues their stream, and whose state is not remembered. */
  #continuedUnknown(events: readonly ProjectedEvent[]): string[] {
    const first = new Map<string, number>();
    for (const { event, revision } of events) {
      if (!first.has(event.data.complaintId)) first.set(event.data.complaintId, revision);
    }
    return [...first].filter(([id, revision]) => revision > 0 && !this.#remembered.has(id)).map(([id]) => id);
  }

  async #load(sql: SqlExecutor, ids: string[]): Promise<Map<string, FoldedComplaint>> {
    if (ids.length === 0) return new Map();
    const { rows } = await sql.query<{
      id: string;
      state: Complaint;
      version: number;
      list_order: number;
      updated_at: Date;
    }>(`SELECT id, state, version, list_order, updated_at FROM complaint_summary WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          state: row.state,
          version: Number(row.version),
          listOrder: Number(row.list_order),
          updatedAt: row.updated_at,
        },
      ]),
    );
  }

  /** Remembers the batch's complaints as the most recent; answers the unwritten ones it had to forget. */
  #remember(complaints: readonly FoldedComplaint[]): FoldedComplaint[] {
    for (const complaint of complaints) {
      this.#remembered.delete(complaint.id);
      this.#remembered.set(complaint.id, complaint);
      if (this.#deferring) this.#unwritten.add(complaint.id);
    }
    return this.#trim(complaints);
  }

  #trim(keep: readonly FoldedComplaint[]): FoldedComplaint[] {
    const forgotten: FoldedComplaint[] = [];
    const batch = new Set(keep.map((complaint) => complaint.id));
    for (const [id, complaint] of this.#remembered) {
      if (this.#remembered.size <= this.#capacity || batch.has(id)) break;
      this.#remembered.delete(id);
      if (this.#unwritten.delete(id)) forgotten.push(complaint);
    }
    return forgotten;
  }
}
