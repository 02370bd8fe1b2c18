import type { Pool, PoolClient } from '#aduan/postgres';
import type { Checkpoint, EventStore, RecordedEvent, Subscription } from '#aduan/event-store';
import type { Projection } from '../projection.js';
import { initialCheckpoint, readCheckpoint, writeCheckpoint, type StoredCheckpoint } from './checkpoint-store.js';
import { decodeEvents } from './decode-events.js';
import { CheckpointMovedError, ProjectorBusyError } from './projector.errors.js';

export interface ProjectorOptions {
  readonly store: EventStore;
  /** Pool on the read-model database; also holds the projector's advisory lock. */
  readonly pool: Pool;
  readonly projections: readonly Projection[];
  readonly name?: string;
  /** Events per transaction while catching up. */
  readonly batchSize?: number;
  /** How often a standby instance tries to take over, and the first retry delay after a failure. */
  readonly retryDelayMs?: number;
  readonly log?: (message: string) => void;
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

export interface RebuildProgress {
  readonly applied: number;
  readonly elapsedMs: number;
}

/**
 * Feeds read models from the store's global order. One instance across all API processes is the
 * leader (a PostgreSQL advisory lock elects it); each batch of events and the checkpoint after it
 * are committed in one transaction, with a compare-and-set on the checkpoint.
 */
export class Projector {
  private readonly name: string;
  private readonly batchSize: number;
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

  constructor(private readonly options: ProjectorOptions) {
    this.name = options.name ?? 'read-models';
    this.batchSize = options.batchSize ?? 500;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.log = options.log ?? (() => undefined);
    this.projectionsVersion = options.projections.map((p) => `${p.name}@${p.version}`).join(',');
    this.position = initialCheckpoint(this.projectionsVersion);
  }

  status(): ProjectorStatus {
    return { role: this.role, ready: this.ready, ordinal: this.position.ordinal, lastError: this.lastError };
  }

  /** Starts electing and, once leader, projecting; returns at once. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.role = 'electing';
    this.running = this.run().finally(() => {
      this.role = 'stopped';
      this.ready = false;
      this.running = null;
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
   * Empties every read model and replays the whole store into it, for the CLI. Refuses while
   * another process is the leader, so two writers never interleave.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<number> {
    if (!(await this.acquireLock())) throw new ProjectorBusyError(this.name);
    try {
      await this.reset();
      const started = Date.now();
      return await this.catchUp((applied) => onProgress?.({ applied, elapsedMs: Date.now() - started }));
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
          await this.sleep(this.retryDelayMs);
          continue;
        }
        this.role = 'leader';
        this.ready = false;
        await this.prepare();
        await this.catchUp();
        this.ready = true;
        this.lastError = null;
        delay = this.retryDelayMs;
        await this.follow();
      } catch (error) {
        this.ready = false;
        this.lastError = (error as Error).message;
        this.log(`projector ${this.name}: ${this.lastError}; retrying in ${delay} ms`);
        await this.releaseLock();
        await this.sleep(delay);
        delay = Math.min(delay * 2, 30_000);
      }
    }
    await this.releaseLock();
  }

  /** Loads the checkpoint; when the projections changed version, empties them to rebuild. */
  private async prepare(): Promise<void> {
    const stored = await readCheckpoint(this.options.pool, this.name);
    if (stored && stored.projectionsVersion === this.projectionsVersion) {
      this.position = stored;
      return;
    }
    if (stored) this.log(`projector ${this.name}: projections changed (${stored.projectionsVersion}); rebuilding`);
    await this.reset();
  }

  private async reset(): Promise<void> {
    const client = await this.options.pool.connect();
    try {
      await client.query('BEGIN');
      const tables = this.options.projections.flatMap((p) => p.tables);
      if (tables.length > 0) await client.query(`TRUNCATE ${tables.join(', ')}`);
      this.position = initialCheckpoint(this.projectionsVersion);
      await writeCheckpoint(client, this.name, this.position);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Applies batches until the store has nothing more; answers how many events were applied. */
  private async catchUp(onProgress?: (applied: number) => void): Promise<number> {
    let applied = 0;
    for (;;) {
      if (this.stopping) return applied;
      const { events, checkpoint } = await this.options.store.readAll(this.position.checkpoint, this.batchSize);
      if (events.length > 0) {
        await this.applyBatch(events, checkpoint);
        applied += events.length;
        onProgress?.(applied);
      }
      if (events.length < this.batchSize) return applied;
    }
  }

  private async follow(): Promise<void> {
    const subscription = this.options.store.subscribe(this.position.checkpoint, {
      batchSize: this.batchSize,
      onEvents: (events, checkpoint) => this.applyBatch(events, checkpoint),
    });
    this.subscription = subscription;
    const lockLost = new Promise<void>((_, reject) => {
      this.lockClient?.once('error', (error: Error) => reject(new Error(`lost the projector lock: ${error.message}`)));
    });
    try {
      await Promise.race([subscription.done, lockLost]);
    } finally {
      this.subscription = null;
      await subscription.stop().catch(() => undefined);
    }
  }

  private async applyBatch(events: readonly RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    const client = await this.options.pool.connect();
    try {
      await client.query('BEGIN');
      const stored = await readCheckpoint(client, this.name, true);
      if (stored?.checkpoint !== this.position.checkpoint) {
        throw new CheckpointMovedError(this.name, this.position.checkpoint, stored?.checkpoint ?? null);
      }
      const decoded = decodeEvents(events, this.position.ordinal + 1, this.log);
      for (const projection of this.options.projections) await projection.apply(client, decoded);
      const next: StoredCheckpoint = {
        checkpoint,
        ordinal: this.position.ordinal + events.length,
        projectionsVersion: this.projectionsVersion,
      };
      await writeCheckpoint(client, this.name, next);
      await client.query('COMMIT');
      this.position = next;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async acquireLock(): Promise<boolean> {
    if (this.lockClient) return true;
    const client = await this.options.pool.connect();
    client.on('error', (error) => this.log(`projector ${this.name}: lock connection failed: ${error.message}`));
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
    // Destroying the session releases the lock even if the unlock query cannot run.
    client.release(true);
  }

  private sleep(ms: number): Promise<void> {
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
