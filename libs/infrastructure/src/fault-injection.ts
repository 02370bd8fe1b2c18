import { writeSync } from 'node:fs';
import { ConfigError } from './config-error.js';

/**
 * Places where the crash tests kill the process on purpose (ADUAN_FAULT_INJECT). Inert unless the
 * variable names one; refused when NODE_ENV=production. None of them lives in the domain.
 */
export const FAULT_POINTS = [
  /** Inside the projector's transaction, after every read model of a batch is written, before its checkpoint. */
  'projector-after-apply',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface FaultInjectionPlan {
  readonly point: FaultPoint;
  /** The process dies the nth time it reaches the point (1 = the first time). */
  readonly hit: number;
}

/** `point` or `point:n`, e.g. `projector-after-apply:3`. */
export function parseFaultInjection(value: string | undefined, production: boolean): FaultInjectionPlan | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (production) throw new ConfigError('ADUAN_FAULT_INJECT crashes the process on purpose: refused in production');
  const [point, hit = '1'] = trimmed.split(':');
  if (!(FAULT_POINTS as readonly string[]).includes(point ?? '') || !/^[1-9]\d*$/.test(hit)) {
    throw new ConfigError(
      `ADUAN_FAULT_INJECT must be one of ${FAULT_POINTS.join(', ')}, optionally followed by :n, not "${trimmed}"`,
    );
  }
  return { point: point as FaultPoint, hit: Number(hit) };
}

/** Counts arrivals at fault points and, at the planned one, kills the process as a crash would (SIGKILL). */
export class FaultInjector {
  private hits = 0;

  constructor(
    private readonly plan: FaultInjectionPlan | null,
    private readonly crash: (point: FaultPoint) => void = crashNow,
  ) {}

  /** Whether any fault is planned; without one, nothing needs to call reached(). */
  get armed(): boolean {
    return this.plan !== null;
  }

  reached(point: FaultPoint): void {
    if (this.plan?.point !== point) return;
    this.hits += 1;
    if (this.hits === this.plan.hit) this.crash(point);
  }
}

export const NO_FAULTS = new FaultInjector(null);

function crashNow(point: FaultPoint): never {
  writeSync(2, `fault injection: killing process ${process.pid} at ${point}\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: SIGKILL did not end the process');
}
