import type { ApiLoadFigures } from './measurements/api-load.js';
import type { AppendRound } from './measurements/append-throughput.js';
import type { ReadRebuildFigures } from './measurements/read-and-rebuild.js';
import type { ScalePoint } from './measurements/scale.js';
import type { BenchPlan } from './plan.js';
import type { Machine } from './support/machine.js';

/** Everything one run measured, and where: the input of the targets and of the report. */
export interface BenchRun {
  readonly plan: BenchPlan;
  readonly startedAt: Date;
  readonly durationSeconds: number;
  readonly machine: Machine;
  readonly postgres: {
    readonly origin: string;
    readonly version: string;
    readonly settings: Readonly<Record<string, string>>;
  };
  readonly api: ApiLoadFigures;
  readonly appends: readonly AppendRound[];
  readonly read: ReadRebuildFigures;
  readonly scale: readonly ScalePoint[];
}
