import type { Pool, PoolClient } from '#aduan/postgres';
import {
  START,
  type Checkpoint,
  type EventStore,
  type ReadAllResult,
  type RecordedEvent,
  type Subscription,
} from '#aduan/event-store';
import type { ProjectedEvent, Projection, SqlExecutor } from '../projection.js';
import {
  compareAndSetCheckpoint,
  initialCheckpoint,
  readCheckpoint,
  writeCheckpoint,
  type StoredCheckpoint,
} from './checkpoint-store.js';
import { decodeEvents } from './decode-events.js';
import { PreparedStatements } from './prepared-statements.js';
import { ShadowTables } from './shadow-tables.js';
import { CheckpointMovedError, ProjectorBusyError } from './projector.errors.js';
import { describeErrorBriefly } from '#aduan/postgres';

/**
 * Opens a batch's transaction in one round trip. Its commit does not wait for the WAL flush: the
 * read models and the checkpoint are one transaction, so a crash can only lose the latest batches
 * whole, and the projector then applies them again from the checkpoint that survived. Nothing is
 * lost or doubled, and the per-batch flush wait (most of a small batch's time) is gone.
 */
const BEGIN_BATCH = 'BEGIN; SET LOCAL synchronous_commit = off';

export interface ProjectorOptions {
  readonly store: EventStore;
  /** Pool on the read-model database; also holds the projector's advisory lock. */
  readonly pool: Pool;
  readonly projections: readonly Projection[];
  readonly name?: string;
  /** Events per transaction while following new events; default 500. */
  readonly batchSize?: number;
  /**
   * Events per transaction while catching up (at start, and rebuilding); default 2,000. Larger
   * batches mean fewer round trips and fewer rewrites of a complaint whose events fall in one batch.
   */
  readonly catchUpBatchSize?: number;
  /** How often a standby instance tries to take over, and the first retry delay after a failure. */
  readonly retryDelayMs?: number;
  readonly log?: (message: string) => void;
  /** Told the new status whenever the role, readiness, position or last error changes. */
  readonly onStatus?: (status: ProjectorStatus) => void;
}

export type ProjectorRole = 'stopped' | 'electing' | 'leader' | 'standby';

export interface ProjectorStatus {
  readonly role: ProjectorRole;
  /** True once this instance (as leader) has caught up with the store, or serves as a healthy standby. */
  readonly ready: boolean;
  /** Events applied so far (the last event's ordinal). */
  readonly ordinal: number;
  readonly lastError: string | null;
}

/**
 * What a host needs of a running projector, wherever it runs: in the host's own thread (`Projector`)
 * or in a worker thread of its own (`ProjectorThread` in libs/infrastructure), whose status crosses a
 * message channel.
 */
export interface ProjectorControl {
  /** Starts electing and, once leader, projecting; returns at once. */
  start(): void;
  /** Stops after the batch in flight commits (its checkpoint with it), and releases leadership. */
  stop(): Promise<void>;
  status(): ProjectorStatus;
}

/** A batch decoded and prepared, to be written with the checkpoint after it. */
interface PreparedBatch {
  readonly decoded: readonly ProjectedEvent[];
  /** The checkpoint it follows: the compare-and-set expects it. */
  readonly from: Checkpoint;
  readonly next: StoredCheckpoint;
}

export interface RebuildProgress {
  readonly applied: number;
  readonly elapsedMs: number;
}

/**
 * Feeds read models from the store's global order. One instance across all API processes is the
 * leader (a PostgreSQL advisory lock elects it); each batch of events and the checkpoint after it
 * are committed in one transaction, with a compare-and-set on the checkpoint.
 */
export class Projector implements ProjectorControl {
  private readonly name: string;
  private readonly batchSize: number;
  private readonly catchUpBatchSize: number;
  private readonly retryDelayMs: number;
  private readonly log: (message: string) => void;
  private readonly projectionsVersion: string;

  private role: ProjectorRole = 'stopped';
  private ready = false;
  private lastError: string | null = null;
  private position: StoredCheckpoint;
  private lockClient: PoolClient | null = null;
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  /** The batch being written while catching up, if any: the next one is prepared meanwhile. */
  private writing: Promise<void> | null = null;
  private readonly statements = new PreparedStatements();

  constructor(private readonly options: ProjectorOptions) {
    this.name = options.name ?? 'read-models';
    this.batchSize = options.batchSize ?? 500;
    this.catchUpBatchSize = options.catchUpBatchSize ?? 2_000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.log = options.log ?? (() => undefined);
    this.projectionsVersion = options.projections.map((p) => `${p.name}@${p.version}`).join(',');
    this.position = initialCheckpoint(this.projectionsVersion);
  }

  /** The read-model tables this projector writes (and empties before a rebuild). */
  get tables(): readonly string[] {
    return this.options.projections.flatMap((projection) => projection.tables);
  }

  status(): ProjectorStatus {
    return { role: this.role, ready: this.ready, ordinal: this.position.ordinal, lastError: this.lastError };
  }

  /** Starts electing and, once leader, projecting; returns at once. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.role = 'electing';
    this.changed();
    this.running = this.run().finally(() => {
      this.role = 'stopped';
      this.ready = false;
      this.running = null;
      this.changed();
    });
  }

  /** Stops after the batch in flight commits, and releases leadership. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.subscription?.stop().catch(() => undefined);
    await this.running;
  }

  /**
   * Replays the whole store into fresh read models and swaps them in (see `rebuildTables`), for the
   * CLI. Refuses while another process is the leader, so two writers never interleave.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<number> {
    if (!(await this.acquireLock())) throw new ProjectorBusyError(this.name);
    try {
      this.forget();
      const started = Date.now();
      return await this.rebuildTables((applied) => onProgress?.({ applied, elapsedMs: Date.now() - started }));
    } finally {
      await this.releaseLock();
    }
  }

  private async run(): Promise<void> {
    let delay = this.retryDelayMs;
    while (!this.stopping) {
      try {
        if (!(await this.acquireLock())) {
          this.role = 'standby';
          this.ready = true;
          this.changed();
          await this.sleep(this.retryDelayMs);
          continue;
        }
        this.role = 'leader';
        this.ready = false;
        this.changed();
        await this.prepare();
        if (!(await this.catchUp()).complete) break; // stopping
        this.ready = true;
        this.lastError = null;
        this.changed();
        delay = this.retryDelayMs;
        await this.follow();
      } catch (error) {
        this.forget();
        this.ready = false;
        this.lastError = describeErrorBriefly(error);
        this.changed();
        this.log(`projector ${this.name}: ${this.lastError}; retrying in ${delay} ms`);
        await this.releaseLock();
        await this.sleep(delay);
        delay = Math.min(delay * 2, 30_000);
      }
    }
    await this.releaseLock();
  }

  /**
   * Loads the checkpoint; when the projections changed version, or there is none yet but the store
   * holds events, rebuilds the read models (readers keep the previous ones meanwhile). A new
   * database on an empty store just starts at the beginning.
   */
  private async prepare(): Promise<void> {
    this.forget(); // another leader may have written since this instance last did
    const stored = await readCheckpoint(this.options.pool, this.name);
    if (stored && stored.projectionsVersion === this.projectionsVersion) {
      this.position = stored;
      this.changed();
      return;
    }
    if (!stored && (await this.options.store.readAll(START, 1)).events.length === 0) return this.reset();
    this.log(
      stored
        ? `projector ${this.name}: projections changed (${stored.projectionsVersion}); rebuilding`
        : `projector ${this.name}: no checkpoint yet; building the read models from the store`,
    );
    await this.rebuildTables();
  }

  /** Empties the read models in place and moves the checkpoint to the start. */
  private async reset(): Promise<void> {
    const client = this.leaderConnection();
    try {
      await client.query('BEGIN');
      if (this.tables.length > 0) await client.query(`TRUNCATE ${this.tables.join(', ')}`);
      const start = initialCheckpoint(this.projectionsVersion);
      await writeCheckpoint(client, this.name, start);
      await client.query('COMMIT');
      this.position = start;
      this.changed();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Replays the whole store into copies of the read-model tables (ShadowTables) and swaps them in
   * with the checkpoint, in one transaction: readers see the previous read models until then, and a
   * rebuild that fails or is interrupted leaves them, and their checkpoint, as they were. The copies
   * get their secondary indexes once filled; projections that can hold rows back write each once
   * (`beginRebuild`, `flush`). Where the tables cannot be swapped, rebuilds them in place instead.
   * Answers the events applied.
   */
  private async rebuildTables(onProgress?: (applied: number) => void): Promise<number> {
    const client = this.leaderConnection();
    const shadow = await ShadowTables.create(client, this.tables);
    if (!(shadow instanceof ShadowTables)) {
      this.log(`projector ${this.name}: rebuilding in place, the tables cannot be swapped (${shadow.refused})`);
      await this.reset();
      return (await this.catchUp(onProgress)).applied;
    }
    let swapped = false;
    try {
      for (const projection of this.options.projections) projection.beginRebuild?.();
      await shadow.enter(client);
      const { applied, complete, reached } = await this.catchUp(onProgress, {
        from: initialCheckpoint(this.projectionsVersion),
      });
      if (!complete) throw new Error(`projector ${this.name}: rebuild interrupted; the read models stay as they were`);
      await client.query(BEGIN_BATCH);
      const sql = this.statements.on(client);
      for (const projection of this.options.projections) await projection.flush?.(sql);
      await client.query('COMMIT');
      await shadow.leave(client);
      await shadow.buildIndexes(client);
      await shadow.analyze(client);
      await shadow.swap(client, () => writeCheckpoint(client, this.name, reached));
      swapped = true;
      this.position = reached;
      this.changed();
      return applied;
    } finally {
      if (!swapped) {
        this.forget();
        await client.query('ROLLBACK').catch(() => undefined);
        await shadow.leave(client).catch(() => undefined);
        await shadow.discard(client).catch(() => undefined);
      }
    }
  }

  /**
   * Applies batches until the store has nothing more. Three things overlap: the next batch is read
   * while one is prepared and written, and a batch is prepared (decoded and folded) while the one
   * before it is being written. Live, it starts from the checkpoint and moves it with every batch;
   * `rebuilding` it starts there instead and leaves the checkpoint alone (the swap writes it).
   */
  private async catchUp(
    onProgress?: (applied: number) => void,
    rebuilding?: { readonly from: StoredCheckpoint },
  ): Promise<{ applied: number; complete: boolean; reached: StoredCheckpoint }> {
    const read = (from: Checkpoint): Promise<ReadAllResult> => {
      const reading = this.options.store.readAll(from, this.catchUpBatchSize);
      reading.catch(() => undefined); // awaited below; a failure while a batch applies is not unhandled
      return reading;
    };
    let applied = 0;
    let complete = false;
    let prepared = rebuilding?.from ?? this.position;
    let next = read(prepared.checkpoint);
    try {
      for (;;) {
        const { events, checkpoint } = await next;
        if (this.stopping) break;
        const more = events.length === this.catchUpBatchSize;
        if (more) next = read(checkpoint);
        if (events.length > 0) {
          const batch = await this.prepareBatch(events, checkpoint, prepared);
          prepared = batch.next;
          await this.writing;
          this.writing = this.writeBatch(batch, rebuilding !== undefined).then(() => {
            applied += events.length;
            onProgress?.(applied);
          });
          this.writing.catch(() => undefined); // awaited on the next turn or below
        }
        if (!more) {
          complete = true;
          break;
        }
      }
      await this.writing;
      return { applied, complete, reached: prepared };
    } finally {
      await this.writing?.catch(() => undefined);
      this.writing = null;
    }
  }

  private async follow(): Promise<void> {
    const subscription = this.options.store.subscribe(this.position.checkpoint, {
      batchSize: this.batchSize,
      onEvents: (events, checkpoint) => this.applyBatch(events, checkpoint),
    });
    this.subscription = subscription;
    const lockLost = new Promise<void>((_, reject) => {
      this.lockClient?.once('error', (error: Error) =>
        reject(new Error(`lost the projector lock: ${describeErrorBriefly(error)}`)),
      );
    });
    try {
      await Promise.race([subscription.done, lockLost]);
    } finally {
      this.subscription = null;
      await subscription.stop().catch(() => undefined);
    }
  }

  private async applyBatch(events: readonly RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    await this.writeBatch(await this.prepareBatch(events, checkpoint, this.position));
  }

  /**
   * Decodes a batch that follows `after` and lets the projections prepare it, outside any
   * transaction. Their reads run on the leader connection once the batch being written (if any) has
   * committed, so they see every earlier batch.
   */
  private async prepareBatch(
    events: readonly RecordedEvent[],
    checkpoint: Checkpoint,
    after: StoredCheckpoint,
  ): Promise<PreparedBatch> {
    const decoded = decodeEvents(events, after.ordinal + 1, this.log);
    const sql = this.statements.on(this.leaderConnection());
    const afterWrites: SqlExecutor = {
      query: async (text, params) => {
        await this.writing?.catch(() => undefined);
        return sql.query(text, params);
      },
    };
    for (const projection of this.options.projections) await projection.prepare?.(afterWrites, decoded);
    return {
      decoded,
      from: after.checkpoint,
      next: { checkpoint, ordinal: after.ordinal + events.length, projectionsVersion: this.projectionsVersion },
    };
  }

  /**
   * Writes a prepared batch and the checkpoint after it in one transaction; while rebuilding, the
   * batch alone (into the copies, whose checkpoint the swap writes).
   */
  private async writeBatch(batch: PreparedBatch, rebuilding = false): Promise<void> {
    const client = this.leaderConnection();
    try {
      if (rebuilding) {
        await client.query(BEGIN_BATCH);
      } else {
        // The checkpoint moves first: the row stays locked until COMMIT, so a second writer waits and
        // then finds it moved. Both statements are queued at once: the client sends the second as
        // soon as BEGIN answers, without waiting for a turn of a busy event loop in between.
        const [, moved] = await Promise.all([
          client.query(BEGIN_BATCH),
          compareAndSetCheckpoint(client, this.name, batch.from, batch.next),
        ]);
        if (!moved) {
          const stored = await readCheckpoint(client, this.name);
          throw new CheckpointMovedError(this.name, batch.from, stored?.checkpoint ?? null);
        }
      }
      const sql = this.statements.on(client);
      for (const projection of this.options.projections) await projection.apply(sql, batch.decoded);
      await client.query('COMMIT');
      if (rebuilding) return;
      this.position = batch.next;
      this.changed();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      this.forget();
      throw error;
    }
  }

  /** Projections drop what they remember across batches: it may be ahead of what was committed. */
  private forget(): void {
    for (const projection of this.options.projections) projection.reset?.();
  }

  /**
   * The connection holding the projector lock, which also writes the read models: a leader never
   * queues for a pooled connection behind the API's requests (under load it did, and projection lag
   * grew with the queue), and losing this connection means losing leadership anyway.
   */
  private leaderConnection(): PoolClient {
    if (!this.lockClient) throw new Error(`Projector ${this.name} writes only while it holds the projector lock`);
    return this.lockClient;
  }

  private async acquireLock(): Promise<boolean> {
    if (this.lockClient) return true;
    const client = await this.options.pool.connect();
    client.on('error', (error) =>
      this.log(`projector ${this.name}: lock connection failed: ${describeErrorBriefly(error)}`),
    );
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        `aduan-projector:${this.name}`,
      ]);
      if (rows[0]?.locked) {
        this.lockClient = client;
        return true;
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    client.release();
    return false;
  }

  private async releaseLock(): Promise<void> {
    const client = this.lockClient;
    if (!client) return;
    this.lockClient = null;
    // Unlock explicitly so the lock is free when stop() resolves: a closed session releases it too,
    // but only once the server has noticed, which a process taking over right away can beat.
    // Destroying the session afterwards covers an unlock that cannot run (the database went away).
    await Promise.race([
      client.query('SELECT pg_advisory_unlock(hashtext($1))', [`aduan-projector:${this.name}`]).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
    client.release(true);
  }

  private changed(): void {
    this.options.onStatus?.(this.status());
  }

  private sleep(ms: number): Promise<void> {
    // A stop() that came while no sleep was pending (releasing the lock after a failure) still counts.
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
    });
  }
}
