import { startBenchApp } from './app/bench-app.js';
import { SUBMIT, TYPENAME, type GraphQLRequest } from './app/graphql-documents.js';
import { recordLifecycle } from './app/sample-lifecycle.js';
import { startBenchPostgres } from './database/bench-postgres.js';
import { runAppendLoad, type AppendLoadResult } from './load/append-load.js';
import type { WriterKind } from './load/append-writers.js';
import { measureHttpLoad, runHttpLoad, type HttpFigures } from './load/http-load.js';
import { CpuMeter } from './support/cpu-meter.js';
import { progress } from './support/progress.js';

const USAGE = `node dist/bench/focus.js submit|appends [--rounds N] [--seconds S] [--writers 8,32] [--kinds …]
  submit    ceiling A and load 1 (submitComplaint, 32 connections), alternating, N rounds
  appends   one event per append: ceiling B (insert), PostgresEventStore.append to new streams (aduan)
            and to existing ones at their head (aduan-existing), Emmett to new streams (emmett)
A narrow companion of \`npm run bench\` for A/B comparisons of one change: it prints CPU per operation
(the API or writer process, PostgreSQL, and for HTTP loads the load generator) and writes no document.`;

interface FocusOptions {
  readonly what: 'submit' | 'appends';
  readonly rounds: number;
  readonly seconds: number;
  readonly writers: readonly number[];
  readonly kinds: readonly WriterKind[];
}

function parse(args: readonly string[]): FocusOptions {
  const what = args[0];
  if (what !== 'submit' && what !== 'appends') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const value = (flag: string, fallback: string): string => {
    const index = args.indexOf(flag);
    return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
  };
  return {
    what,
    rounds: Number(value('--rounds', '2')),
    seconds: Number(value('--seconds', '6')),
    writers: value('--writers', '8,32').split(',').map(Number),
    kinds: value('--kinds', 'insert,aduan,aduan-existing,emmett').split(',') as WriterKind[],
  };
}

const us = (value: number | null): string => (value === null || Number.isNaN(value) ? '-' : value.toFixed(0));

function httpLine(name: string, figures: HttpFigures): string {
  return [
    name.padEnd(34),
    `${figures.perSecond.toFixed(0).padStart(6)} req/s`,
    `p50 ${figures.p50Ms.toFixed(1).padStart(5)} ms`,
    `p99 ${figures.p99Ms.toFixed(1).padStart(5)} ms`,
    `errors ${figures.errors}`,
    `node ${us(figures.cpu.processUs).padStart(5)} µs`,
    `pg ${us(figures.cpu.postgresUs).padStart(5)} µs`,
    `loadgen ${us(figures.generatorUs).padStart(5)} µs`,
  ].join('  ');
}

function appendLine(name: string, result: AppendLoadResult): string {
  return [
    name.padEnd(34),
    `${result.perSecond.toFixed(0).padStart(6)} /s`,
    `p50 ${result.latency.p50.toFixed(2).padStart(6)} ms`,
    `p99 ${result.latency.p99.toFixed(2).padStart(6)} ms`,
    `errors ${result.errors}`,
    `client ${us(result.cpu.processUs).padStart(5)} µs`,
    `pg ${us(result.cpu.postgresUs).padStart(5)} µs`,
  ].join('  ');
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const postgres = await startBenchPostgres(process.env.DATABASE_URL);
  const lines: string[] = [];
  const report = (line: string): void => {
    lines.push(line);
    progress(line);
  };
  try {
    const url = await postgres.createDatabase('api');
    const app = await startBenchApp(url);
    const meter = new CpuMeter(postgres.postmasterPid);
    try {
      const lifecycle = await recordLifecycle(app, url);
      if (options.what === 'submit') {
        const load = async (request: GraphQLRequest): Promise<HttpFigures> => {
          const spec = {
            url: app.graphqlUrl,
            connections: 32,
            headers: {},
            bodies: [request.body],
            expect: request.expect,
          };
          await runHttpLoad({ ...spec, durationSeconds: 2 });
          return measureHttpLoad(meter, { ...spec, durationSeconds: options.seconds });
        };
        for (let round = 1; round <= options.rounds; round++) {
          report(httpLine(`ceiling A, round ${round}`, await load(TYPENAME)));
          report(httpLine(`submitComplaint, round ${round}`, await load(SUBMIT)));
        }
      } else {
        const shared = await postgres.createDatabase('appends');
        const emmett = await postgres.createDatabase('emmett');
        for (let round = 1; round <= options.rounds; round++) {
          for (const writers of options.writers) {
            for (const kind of options.kinds) {
              const result = await runAppendLoad({
                kind,
                url: kind === 'emmett' ? emmett : shared,
                writers,
                seconds: options.seconds,
                warmupSeconds: 2,
                lifecycle,
                postmasterPid: postgres.postmasterPid,
              });
              report(appendLine(`${kind}, ${writers} writers, round ${round}`, result));
            }
          }
        }
      }
    } finally {
      await app.close();
    }
  } finally {
    await postgres.stop();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`focus failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
