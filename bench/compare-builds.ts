import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SUBMIT, TYPENAME, type GraphQLRequest } from './app/graphql-documents.js';
import { startBenchPostgres } from './database/bench-postgres.js';
import { runHttpLoad } from './load/http-load.js';
import { progress } from './support/progress.js';

const USAGE = `node dist/bench/compare-builds.js <dist A> <dist B> [rounds] [seconds]
Starts the bench app of two builds (e.g. a copy of the tree before a change, built, and this one) side by
side on one PostgreSQL, each on a database of its own, and alternates short loads between them
(ceiling A, then load 1): both see the same background load, which on a shared machine moves CPU per
operation more than most changes do. Prints, per round and as medians, the CPU per answered request
of each server process, of the PostgreSQL backends of its database, and of the load generator.`;

const SERVER = fileURLToPath(new URL('./compare-builds-server.js', import.meta.url));

interface Side {
  readonly name: string;
  readonly child: ChildProcess;
  readonly graphqlUrl: string;
  readonly pid: number;
  readonly database: string;
}

interface Figures {
  readonly rate: number;
  readonly p99: number;
  readonly errors: number;
  readonly serverUs: number;
  readonly postgresUs: number;
  readonly generatorUs: number;
}

/** utime + stime of a process in clock ticks (USER_HZ = 100), 0 once it is gone. */
function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

async function startSide(name: string, dist: string, url: string): Promise<Side> {
  const child = fork(SERVER, [dist, url], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const started = await new Promise<{ graphqlUrl: string; pid: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { graphqlUrl: string; pid: number }));
    child.once('exit', (code) => reject(new Error(`the ${name} server exited with code ${code}`)));
  });
  return { name, child, ...started, database: new URL(url).pathname.slice(1) };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const line = (figures: Figures): string =>
  `${figures.rate.toFixed(0).padStart(5)}/s p99 ${String(figures.p99).padStart(5)} ms errors ${figures.errors}` +
  ` server ${figures.serverUs.toFixed(0).padStart(5)} µs pg ${figures.postgresUs.toFixed(0).padStart(5)} µs` +
  ` loadgen ${figures.generatorUs.toFixed(0).padStart(4)} µs`;

async function main(): Promise<void> {
  const [distA, distB, roundsText, secondsText] = process.argv.slice(2);
  if (!distA || !distB) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const rounds = Number(roundsText ?? '6');
  const seconds = Number(secondsText ?? '4');
  const postgres = await startBenchPostgres(undefined);
  const sides: Side[] = [];
  try {
    sides.push(await startSide('A', distA, await postgres.createDatabase('compare_a')));
    sides.push(await startSide('B', distB, await postgres.createDatabase('compare_b')));
    const admin = new pg.Client({ connectionString: await postgres.createDatabase('compare_admin') });
    await admin.connect();
    const backendTicks = async (database: string): Promise<number> => {
      const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
        database,
      ]);
      return rows.reduce((sum, row) => sum + ticksOf(row.pid), 0);
    };
    const measure = async (side: Side, request: GraphQLRequest): Promise<Figures> => {
      const spec = {
        url: side.graphqlUrl,
        connections: 32,
        headers: {},
        bodies: [request.body],
        expect: request.expect,
      };
      await runHttpLoad({ ...spec, durationSeconds: 1 });
      const [server, backends] = [ticksOf(side.pid), await backendTicks(side.database)];
      const result = await runHttpLoad({ ...spec, durationSeconds: seconds });
      const per = (ticks: number): number => (ticks * 10_000) / result.succeeded;
      return {
        rate: result.perSecond,
        p99: result.p99Ms,
        errors: result.errors,
        serverUs: per(ticksOf(side.pid) - server),
        // Backends that end during the load take their time with them: a negative or low figure says so.
        postgresUs: per((await backendTicks(side.database)) - backends),
        generatorUs: (result.generatorCpuMs * 1000) / result.succeeded,
      };
    };
    const seen = new Map<string, { ceilingA: Figures[]; submit: Figures[] }>(
      sides.map((side) => [side.name, { ceilingA: [], submit: [] }]),
    );
    for (let round = 1; round <= rounds; round++) {
      for (const side of round % 2 ? sides : [...sides].reverse()) {
        const ceilingA = await measure(side, TYPENAME);
        const submit = await measure(side, SUBMIT);
        seen.get(side.name)!.ceilingA.push(ceilingA);
        seen.get(side.name)!.submit.push(submit);
        progress(`round ${round} ${side.name}: ceiling A ${line(ceilingA)} | submit ${line(submit)}`);
      }
    }
    await admin.end();
    const lines = sides.map((side) => {
      const { ceilingA, submit } = seen.get(side.name)!;
      const of = (figures: Figures[], key: keyof Figures): string => median(figures.map((f) => f[key])).toFixed(0);
      const ratio = median(submit.map((figures, index) => figures.rate / ceilingA[index]!.rate));
      return (
        `${side.name} (${side.name === 'A' ? distA : distB}): submit server ${of(submit, 'serverUs')} µs, ` +
        `pg ${of(submit, 'postgresUs')} µs, loadgen ${of(submit, 'generatorUs')} µs; ceiling A server ` +
        `${of(ceilingA, 'serverUs')} µs, loadgen ${of(ceilingA, 'generatorUs')} µs; submit ÷ ceiling A ${ratio.toFixed(3)}`
      );
    });
    process.stdout.write(`medians of ${rounds} rounds:\n${lines.join('\n')}\n`);
  } finally {
    for (const side of sides) {
      side.child.send('stop');
      await new Promise((resolve) => side.child.once('exit', resolve));
    }
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `compare-builds failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
