/** How long and how big one run is; chosen by the command-line flags. */
export interface BenchPlan {
  readonly mode: 'quick' | 'standard' | 'full';
  /** Connections of every HTTP load (the 32). */
  readonly connections: number;
  readonly httpSeconds: number;
  readonly warmupSeconds: number;
  readonly appendSeconds: number;
  readonly writerCounts: readonly number[];
  /** Store size the rebuild and the global reads run on (the target is stated for ≥ 100,000). */
  readonly rebuildEvents: number;
  /** Store sizes section 7 compares, smallest first; the rebuild size is one of them. */
  readonly scaleSizes: readonly number[];
  readonly scaleSeconds: number;
  readonly scaleConnections: number;
  /** Passes of each global read and rebuild; the best is kept. */
  readonly rounds: number;
  /** Also run load 1 with the projector in the API's event loop (a diagnostic, not a target). */
  readonly diagnostics: boolean;
  readonly writeDoc: boolean;
}

const USAGE = `npm run bench [-- --quick | --full] [--no-doc]
  (default)   8 s loads, rebuild at 100,000 events, scale 10,000 vs 100,000 events       (≈ 5 min)
  --quick    3 s loads (2 s store loads), the same store sizes, one pass each, no diagnostic (< 2 min)
  --full     the default plus a 1,000,000-event store, rebuilt once (alias --scale; ≈ 3 GB) (< 10 min)
  --no-doc   print the tables without rewriting docs/benchmarks.md
  DATABASE_URL=…  use that server (it must allow CREATE DATABASE) instead of a throwaway embedded one`;

export function parsePlan(args: readonly string[]): BenchPlan {
  const known = new Set(['--quick', '--full', '--scale', '--no-doc', '--help']);
  const unknown = args.filter((arg) => !known.has(arg));
  if (args.includes('--help') || unknown.length > 0) {
    if (unknown.length > 0) process.stderr.write(`unknown option ${unknown.join(' ')}\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  const quick = args.includes('--quick');
  const full = args.includes('--full') || args.includes('--scale');
  if (quick && full) {
    process.stderr.write('--quick and --full exclude each other\n');
    process.exit(2);
  }
  const common = {
    connections: 32,
    writerCounts: [8, 32],
    rebuildEvents: 100_000,
    scaleConnections: 8,
    writeDoc: !args.includes('--no-doc'),
  };
  if (quick) {
    return {
      ...common,
      mode: 'quick',
      httpSeconds: 3,
      warmupSeconds: 1,
      appendSeconds: 2,
      scaleSizes: [10_000, 100_000],
      scaleSeconds: 2,
      rounds: 1,
      diagnostics: false,
    };
  }
  return {
    ...common,
    mode: full ? 'full' : 'standard',
    httpSeconds: 8,
    warmupSeconds: 3,
    appendSeconds: 6,
    scaleSizes: full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000],
    scaleSeconds: 5,
    rounds: 2,
    diagnostics: true,
  };
}
