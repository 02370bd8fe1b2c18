import { parseArgs } from 'node:util';
import { startBenchApp, type BenchApp } from './app/bench-app.js';
import { SUBMIT } from './app/graphql-documents.js';
import { startBenchPostgres } from './database/bench-postgres.js';
import { measureSubmitWithLag } from './measurements/api-load.js';
import { CpuMeter } from './support/cpu-meter.js';
import { progress } from './support/progress.js';

const USAGE = `node dist/bench/lag-lab.js [--seconds N] [--rounds N] [--modes thread,in-process]

Section 5 alone: load 1 (32 connections submitting) with the projection-lag probe, alternating the
projector in its worker thread (as npm start runs it) and in the API's event loop, each round on a
freshly started API over one throwaway embedded PostgreSQL. Prints every pass.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '2' },
      /** Comma-separated: thread, in-process. */
      modes: { type: 'string', default: 'thread,in-process' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const postgres = await startBenchPostgres(process.env.DATABASE_URL);
  try {
    const meter = new CpuMeter(postgres.postmasterPid);
    const url = await postgres.createDatabase('lag');
    for (let round = 1; round <= Number(values.rounds); round += 1) {
      for (const mode of values.modes.split(',') as ('thread' | 'in-process')[]) {
        const app: BenchApp = await startBenchApp(url);
        try {
          if (mode === 'in-process') await app.moveProjectorInProcess();
          const { submit, lag } = await measureSubmitWithLag(
            app,
            url,
            meter,
            {
              seconds: Number(values.seconds),
              warmupSeconds: 2,
              spec: { url: app.graphqlUrl, connections: 32, headers: {}, bodies: [SUBMIT.body], expect: SUBMIT.expect },
            },
            `round ${round}, projector ${mode}`,
          );
          process.stdout.write(
            `round ${round} ${mode.padEnd(10)} lag p50 ${lag.p50.toFixed(1)} p99 ${lag.p99.toFixed(1)} max ` +
              `${lag.max.toFixed(1)} ms (${lag.count} samples, ${lag.errors} errors) · submits ` +
              `${Math.round(submit.perSecond)}/s p99 ${submit.p99Ms} ms, Node ${Math.round(submit.cpu.processUs)} µs ` +
              `PG ${Math.round(submit.cpu.postgresUs ?? NaN)} µs, ${submit.errors} errors\n`,
          );
        } finally {
          await app.close();
        }
      }
    }
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  progress(`lag lab failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
