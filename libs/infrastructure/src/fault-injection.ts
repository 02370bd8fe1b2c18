import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { ConfigError } from './config-error.js';

/**
 * Places where the crash tests make the API fail on purpose (ADUAN_FAULT_INJECT). Inert unless the
 * variable names one; refused when NODE_ENV=production. None of them lives in the domain.
 */
export const FAULT_POINTS = [
  /** Inside the projector's transaction, after every read model of a batch is written, before its checkpoint. */
  'projector-after-apply',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

/**
 * What happens there: the whole process dies as a crash would (SIGKILL), or only the projector's
 * worker thread ends abruptly (PROJECTOR_MODE=thread), as a crash of that thread would.
 */
export type FaultEffect = 'kill-process' | 'end-thread';

/** The names ADUAN_FAULT_INJECT accepts, each a place and an effect. */
const FAULTS: Readonly<Record<string, { readonly point: FaultPoint; readonly effect: FaultEffect }>> = {
  'projector-after-apply': { point: 'projector-after-apply', effect: 'kill-process' },
  'projector-thread-exit': { point: 'projector-after-apply', effect: 'end-thread' },
};

export interface FaultInjectionPlan {
  readonly point: FaultPoint;
  readonly effect: FaultEffect;
  /** The fault fires the nth time the point is reached (1 = the first time). */
  readonly hit: number;
}

/** `name` or `name:n`, e.g. `projector-after-apply:3` or `projector-thread-exit`. */
export function parseFaultInjection(value: string | undefined, production: boolean): FaultInjectionPlan | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (production) throw new ConfigError('ADUAN_FAULT_INJECT crashes the process on purpose: refused in production');
  const [name, hit = '1'] = trimmed.split(':');
  const fault = Object.hasOwn(FAULTS, name ?? '') ? FAULTS[name!] : undefined;
  if (!fault || !/^[1-9]\d*$/.test(hit)) {
    throw new ConfigError(
      `ADUAN_FAULT_INJECT must be one of ${Object.keys(FAULTS).join(', ')}, optionally followed by :n, not "${trimmed}"`,
    );
  }
  return { ...fault, hit: Number(hit) };
}

/** Counts arrivals at fault points and, at the planned one, fails as planned (see FaultEffect). */
export class FaultInjector {
  private hits = 0;

  constructor(
    private readonly plan: FaultInjectionPlan | null,
    private readonly crash: (point: FaultPoint, effect: FaultEffect) => void = crashNow,
  ) {}

  /** Whether any fault is planned; without one, nothing needs to call reached(). */
  get armed(): boolean {
    return this.plan !== null;
  }

  reached(point: FaultPoint): void {
    if (this.plan?.point !== point) return;
    this.hits += 1;
    if (this.hits === this.plan.hit) this.crash(point, this.plan.effect);
  }
}

export const NO_FAULTS = new FaultInjector(null);

function crashNow(point: FaultPoint, effect: FaultEffect): never {
  if (effect === 'end-thread') {
    if (isMainThread) throw new Error(`fault injection: ${point} ends a worker thread, but runs in the main thread`);
    writeSync(2, `fault injection: ending the projector thread at ${point}\n`);
    // In a worker, process.exit ends that thread at once, without cleanup; the process lives on.
    process.exit(70);
  }
  writeSync(2, `fault injection: killing process ${process.pid} at ${point}\n`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: SIGKILL did not end the process');
}
