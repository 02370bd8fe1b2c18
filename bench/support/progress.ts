/**
 * Progress lines on standard error, so a long run shows where it is while standard output stays
 * the results table. Each line carries the seconds since the run began.
 */
const started = Date.now();

export function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds} s] ${message}\n`);
}

/** Elapsed seconds since the run began, for the report. */
export const runSeconds = (): number => (Date.now() - started) / 1000;
