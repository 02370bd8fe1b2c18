import { readdirSync, readFileSync } from 'node:fs';

/** CPU time spent so far, in milliseconds, by this process and by the PostgreSQL server. */
export interface CpuSample {
  readonly processMs: number;
  /** Null when the server's processes cannot be seen (DATABASE_URL elsewhere, or no /proc). */
  readonly postgresMs: number | null;
}

/** CPU per operation between two samples, in microseconds. */
export interface CpuPerOperation {
  readonly processUs: number;
  readonly postgresUs: number | null;
}

const TICKS_PER_MS = 0.1; // USER_HZ is 100 on Linux

/**
 * Reads CPU time rather than wall time, so a figure says what an operation costs even when other
 * work shares the cores: wall-clock rates on a busy machine fall, CPU per operation does not.
 * PostgreSQL's share is the postmaster's and its live children's time from /proc, plus the time of
 * children that already exited (the postmaster's cutime and cstime).
 */
export class CpuMeter {
  constructor(readonly postmasterPid: number | null) {}

  sample(): CpuSample {
    const own = process.cpuUsage();
    return { processMs: (own.user + own.system) / 1000, postgresMs: this.#postgresMs() };
  }

  /** Microseconds of CPU per operation from `before` until now. */
  perOperation(before: CpuSample, operations: number): CpuPerOperation {
    const after = this.sample();
    const per = (ms: number): number => (operations > 0 ? (ms * 1000) / operations : Number.NaN);
    return {
      processUs: per(after.processMs - before.processMs),
      postgresUs:
        after.postgresMs === null || before.postgresMs === null ? null : per(after.postgresMs - before.postgresMs),
    };
  }

  #postgresMs(): number | null {
    if (this.postmasterPid === null) return null;
    try {
      let ticks = 0;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const fields = statFields(entry);
        if (!fields) continue;
        const [ppid, utime, stime, cutime, cstime] = [1, 11, 12, 13, 14].map((index) => Number(fields[index]));
        if (Number(entry) === this.postmasterPid) ticks += utime! + stime! + cutime! + cstime!;
        else if (ppid === this.postmasterPid) ticks += utime! + stime!;
      }
      return ticks / TICKS_PER_MS;
    } catch {
      return null;
    }
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces); null if it is gone. */
function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
