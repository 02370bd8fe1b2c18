import { fileURLToPath } from 'node:url';
import type { Lifecycle } from '../app/sample-lifecycle.js';
import type { WriterKind } from './append-writers.js';
import type { CpuPerOperation } from '../support/cpu-meter.js';
import type { LoopResult } from './concurrent-loop.js';
import { runInWorker } from './worker-process.js';

export interface AppendLoadSpec {
  readonly kind: WriterKind;
  readonly url: string;
  readonly writers: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** The recorded complaint: its submit starts each new stream, its next event extends existing ones. */
  readonly lifecycle: Lifecycle;
  /** The server's main process, to charge PostgreSQL's CPU to the appends (null: not measured). */
  readonly postmasterPid: number | null;
}

/** A workload's result with what each append cost the writer process and PostgreSQL. */
export interface AppendLoadResult extends LoopResult {
  readonly cpu: CpuPerOperation;
}

const WORKER = fileURLToPath(new URL('./append-load-worker.js', import.meta.url));

/** Runs one append workload in a process of its own (see worker-process.ts for why). */
export const runAppendLoad = (spec: AppendLoadSpec): Promise<AppendLoadResult> => runInWorker(WORKER, spec);
