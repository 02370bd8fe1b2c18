import { fileURLToPath } from 'node:url';
import type { BenchRun } from './bench-run.js';
import { startBenchApp } from './app/bench-app.js';
import { recordLifecycle, type Lifecycle } from './app/sample-lifecycle.js';
import { startBenchPostgres, type BenchPostgres } from './database/bench-postgres.js';
import { prepareStore } from './database/prepare-store.js';
import { EventSeeder } from './database/seed-events.js';
import { measureApi, type ApiLoadFigures } from './measurements/api-load.js';
import { measureAppends } from './measurements/append-throughput.js';
import {
  measureReadAndRebuild,
  measureRebuild,
  type PassFigures,
  type ReadRebuildFigures,
} from './measurements/read-and-rebuild.js';
import { measureScalePoint, type ScalePoint } from './measurements/scale.js';
import { parsePlan, type BenchPlan } from './plan.js';
import { consoleReport, writeBenchmarksDoc } from './report/report.js';
import { CpuMeter } from './support/cpu-meter.js';
import { describeMachine } from './support/machine.js';
import { progress, runSeconds } from './support/progress.js';
import { evaluateTargets } from './targets.js';

const DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

/**
 * `npm run bench`: measures Aduan against its ceilings and against Emmett in one run on one
 * PostgreSQL server, prints the figures and the targets, and rewrites the generated part of
 * docs/benchmarks.md. A script, not a test: its figures depend on the machine.
 */
async function main(): Promise<void> {
  const plan = parsePlan(process.argv.slice(2));
  const startedAt = new Date();
  const machine = describeMachine();
  progress(`aduan benchmark, ${plan.mode} mode, ${machine.cores} cores, load average ${machine.loadAverageAtStart}`);
  const postgres = await startBenchPostgres(process.env.DATABASE_URL);
  const interrupted = (signal: NodeJS.Signals): void => {
    progress(`${signal}: stopping PostgreSQL`);
    void postgres.stop().finally(() => process.exit(130));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, interrupted);
  }
  try {
    progress(
      `PostgreSQL ${postgres.version} (${postgres.origin}), fsync=${postgres.settings.fsync}, synchronous_commit=${postgres.settings.synchronous_commit}`,
    );
    const meter = new CpuMeter(postgres.postmasterPid);
    const { lifecycle, api } = await apiSection(postgres, plan, meter);
    const appends = await measureAppends((purpose) => postgres.createDatabase(purpose), lifecycle, {
      writerCounts: plan.writerCounts,
      postmasterPid: postgres.postmasterPid,
      seconds: plan.appendSeconds,
      warmupSeconds: plan.warmupSeconds,
    });
    const { read, scale } = await storeSection(postgres, plan, lifecycle, meter);
    const run: BenchRun = {
      plan,
      startedAt,
      durationSeconds: runSeconds(),
      machine,
      postgres: { origin: postgres.origin, version: postgres.version, settings: postgres.settings },
      api,
      appends,
      read,
      scale,
    };
    const checks = evaluateTargets(run);
    process.stdout.write(`\n${consoleReport(run, checks)}\n`);
    if (plan.writeDoc) {
      await writeBenchmarksDoc(DOC, run, checks);
      progress(`wrote ${DOC}`);
    }
  } finally {
    await postgres.stop();
  }
}

/** Sections 1, 2, 5, 8 on a fresh database, and the lifecycle the other sections copy. */
async function apiSection(
  postgres: BenchPostgres,
  plan: BenchPlan,
  meter: CpuMeter,
): Promise<{ lifecycle: Lifecycle; api: ApiLoadFigures }> {
  const url = await postgres.createDatabase('api');
  progress('api: starting the app');
  const app = await startBenchApp(url);
  try {
    const lifecycle = await recordLifecycle(app, url);
    const api = await measureApi(app, url, meter, {
      connections: plan.connections,
      seconds: plan.httpSeconds,
      warmupSeconds: plan.warmupSeconds,
      diagnostics: plan.diagnostics,
    });
    return { lifecycle, api };
  } finally {
    await app.close();
  }
}

/** Sections 6 and 7 on one store, grown from the smallest size to the largest. */
async function storeSection(
  postgres: BenchPostgres,
  plan: BenchPlan,
  lifecycle: Lifecycle,
  meter: CpuMeter,
): Promise<{ read: ReadRebuildFigures; scale: ScalePoint[] }> {
  const url = await postgres.createDatabase('store');
  await prepareStore(url);
  const seeder = await EventSeeder.install(url, lifecycle);
  const sizes = [...new Set([...plan.scaleSizes, plan.rebuildEvents])].sort((a, b) => a - b);
  const scale: ScalePoint[] = [];
  let read: ReadRebuildFigures | undefined;
  for (const size of sizes) {
    progress(`store: seeding up to ${size.toLocaleString('en-US')} events`);
    let reported = 0;
    await seeder.growTo(size, (events) => {
      if (events - reported >= size / 10 || events >= size) {
        reported = events;
        progress(`store: ${events.toLocaleString('en-US')} events`);
      }
    });
    if (size === plan.rebuildEvents) read = await measureReadAndRebuild(url, meter, plan.rounds);
    // Beyond the rebuild size the read models are rebuilt once, timed, rather than left to the app's
    // start-up catch-up: the figure shows whether the rebuild rate holds on a larger store.
    let rebuilt: PassFigures | null = null;
    if (size > plan.rebuildEvents) {
      progress(`rebuild: all read models from ${size.toLocaleString('en-US')} events`);
      rebuilt = await measureRebuild(url, meter);
    }
    if (plan.scaleSizes.includes(size)) {
      const options = {
        seconds: plan.scaleSeconds,
        warmupSeconds: plan.warmupSeconds,
        connections: plan.scaleConnections,
      };
      scale.push(await measureScalePoint(url, lifecycle, meter, options, rebuilt));
    }
  }
  if (!read) throw new Error('the plan has no rebuild size');
  return { read, scale };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
