import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProjectorControl, ProjectorStatus } from '#aduan/projections';
import type { Logger } from '../logger.js';
import type { FromProjectorThread, ProjectorThreadSettings, ToProjectorThread } from './projector-thread.messages.js';
import { describeErrorBriefly } from '#aduan/postgres';

export interface ProjectorThreadOptions {
  readonly settings: Omit<ProjectorThreadSettings, 'heartbeatMs'>;
  readonly logger: Logger;
  /**
   * Node options of the worker; by default the process's own, so a loader the process was started
   * with (`--import`, as scripts/run-ts does for the TypeScript sources) applies to the worker too.
   */
  readonly execArgv?: readonly string[];
  /** How often the worker repeats its status when nothing changes (default 1 s). */
  readonly heartbeatMs?: number;
  /** A worker silent for this long counts as not ready: its event loop is stuck (default 10 s). */
  readonly silentAfterMs?: number;
  /** First wait before restarting a worker that ended on its own; doubles up to 30 s (default 1 s). */
  readonly restartDelayMs?: number;
  /** How long stop() waits for the batch in hand before it terminates the worker (default 20 s). */
  readonly stopTimeoutMs?: number;
}

/** The projector's status as its thread last reported it, and how often the thread had to be restarted. */
export interface ProjectorThreadStatus extends ProjectorStatus {
  readonly restarts: number;
}

const MAX_RESTART_DELAY_MS = 30_000;

/** The worker's module beside this one, in the same form (.js when built, .ts when run from the sources). */
const WORKER_URL = new URL(`./projector-thread.worker${extname(new URL(import.meta.url).pathname)}`, import.meta.url);

/**
 * Runs the read-model projector in a worker thread and supervises it: the API's event loop serves
 * requests while the projector's loop applies batches, so neither waits behind the other. The
 * worker reports every status change and a heartbeat over its message port; `status()` answers the
 * latest report at once. A worker that ends on its own (a crash of the thread) is reported not ready
 * and started again after a growing delay; the transaction it had open dies with its connection,
 * so the new worker resumes from the last committed checkpoint.
 */
export class ProjectorThread implements ProjectorControl {
  private readonly heartbeatMs: number;
  private readonly silentAfterMs: number;
  private readonly restartDelayMs: number;
  private readonly stopTimeoutMs: number;

  private worker: Worker | null = null;
  private current: ProjectorStatus = { role: 'stopped', ready: false, ordinal: 0, lastError: null };
  private lastHeardAt = 0;
  private restarts = 0;
  private nextRestartDelayMs: number;
  private restartTimer: NodeJS.Timeout | null = null;
  private started = false;
  private stopping = false;
  private wakePending = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly options: ProjectorThreadOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 1_000;
    this.silentAfterMs = options.silentAfterMs ?? 10_000;
    this.restartDelayMs = options.restartDelayMs ?? 1_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 20_000;
    this.nextRestartDelayMs = this.restartDelayMs;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.spawn();
  }

  status(): ProjectorThreadStatus {
    const silentFor = Date.now() - this.lastHeardAt;
    if (this.worker && this.current.role !== 'stopped' && silentFor > this.silentAfterMs) {
      return {
        ...this.current,
        ready: false,
        lastError: `the projector thread has not reported for ${silentFor} ms`,
        restarts: this.restarts,
      };
    }
    return { ...this.current, restarts: this.restarts };
  }

  /**
   * Events were appended in this process: the worker reads at once instead of at its next poll.
   * Signals of one turn of the event loop travel as one message.
   */
  notifyAppended(): void {
    if (this.wakePending || !this.worker) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.post({ kind: 'appended' });
    });
  }

  /** Lets the worker commit the batch in hand and release leadership, and waits for it to end. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const worker = this.worker;
    if (!worker) return;
    this.post({ kind: 'stop' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.stopTimeoutMs);
    });
    const outcome = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      this.options.logger.error(`the projector thread did not stop within ${this.stopTimeoutMs} ms; terminating it`);
      await worker.terminate();
      await this.exited;
    }
  }

  private spawn(): void {
    const first = this.restarts === 0;
    const worker = new Worker(WORKER_URL, {
      workerData: {
        ...this.options.settings,
        // A planned fault fires once per process, not again in every restarted worker.
        faultInjection: first ? this.options.settings.faultInjection : null,
        heartbeatMs: this.heartbeatMs,
      } satisfies ProjectorThreadSettings,
      ...(this.options.execArgv ? { execArgv: [...this.options.execArgv] } : {}),
    });
    this.worker = worker;
    this.lastHeardAt = Date.now();
    this.current = { ...this.current, role: 'electing', ready: false };
    worker.on('message', (message: FromProjectorThread) => this.receive(message));
    worker.on('error', (error) => this.options.logger.error(`projector thread failed: ${describeErrorBriefly(error)}`));
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        this.worker = null;
        this.ended(code);
        resolve();
      });
    });
  }

  private receive(message: FromProjectorThread): void {
    this.lastHeardAt = Date.now();
    if (message.kind === 'log') {
      // A line the thread already wrote with describeErrorBriefly, not an error's message.
      /* eslint-disable no-restricted-syntax */
      if (message.level === 'error') this.options.logger.error(message.message);
      else this.options.logger.log(message.message);
      /* eslint-enable no-restricted-syntax */
      return;
    }
    this.current = message.status;
    if (message.status.ready) this.nextRestartDelayMs = this.restartDelayMs;
  }

  private ended(code: number): void {
    if (this.stopping) {
      this.current = { ...this.current, role: 'stopped', ready: false };
      return;
    }
    const delay = this.nextRestartDelayMs;
    this.nextRestartDelayMs = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
    this.restarts += 1;
    const reason = `the projector thread ended unexpectedly (exit code ${code})`;
    this.options.logger.error(`${reason}; restarting it in ${delay} ms`);
    this.current = { ...this.current, role: 'stopped', ready: false, lastError: reason };
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.spawn();
    }, delay);
  }

  private post(message: ToProjectorThread): void {
    this.worker?.postMessage(message);
  }
}
