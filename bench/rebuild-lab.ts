import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchApp } from './app/bench-app.js';
import { recordLifecycle } from './app/sample-lifecycle.js';
import { countOf, withClient } from './database/sql.js';
import { prepareStore } from './database/prepare-store.js';
import { EventSeeder } from './database/seed-events.js';
import { measureReadAndRebuild, measureRebuild } from './measurements/read-and-rebuild.js';
import { startEmbeddedPostgres } from '#aduan/postgres';
import { CpuMeter } from './support/cpu-meter.js';
import { describeMachine } from './support/machine.js';
import { progress } from './support/progress.js';
import { readFile } from 'node:fs/promises';
import { bestRebuildShare } from './targets.js';

const USAGE = `node dist/bench/rebuild-lab.js --dir FOLDER [--events N] [--rounds N] [--port N] [--rebuild-only]

Section 6 alone (raw scan, readAll, rebuild, fold floor, write floor) on a store kept in FOLDER between runs, so
alternating two builds (A/B) measures both on the same events. The store is seeded once to N events
(default 100,000) through the API's recorded lifecycle, as npm run bench seeds it; later runs reuse
it. Prints each pass and a fingerprint of every read model, to compare what two builds rebuilt.`;

/** The read-model tables, each hashed over its rows in a stable order (equal hashes: equal tables). */
async function fingerprints(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name IN
          ('complaint_summary', 'complaint_workflow', 'complaint_status_change', 'escalation')
        ORDER BY table_name`,
    );
    const result: Record<string, string> = {};
    for (const { table_name: table } of rows) {
      // complaint_workflow's state document (dropped later) is left out, so builds before and after compare.
      const row = table === 'complaint_workflow' ? `(to_jsonb(t) - 'state')::text` : 't::text';
      const { rows: hash } = await client.query<{ md5: string; n: number }>(
        `SELECT md5(string_agg(${row}, E'\\n' ORDER BY ${row})) AS md5, count(*)::int AS n FROM ${table} t`,
      );
      result[table] = `${hash[0]?.n} rows, ${hash[0]?.md5}`;
    }
    return result;
  });
}

/** The statements that took most of the server's time since the reset, per call and in total. */
function topStatements(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ calls: number; total: number; mean: number; rows: number; query: string }>(
      `SELECT calls, total_exec_time::numeric(12,1)::float AS total, mean_exec_time::numeric(12,3)::float AS mean,
              rows, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT 15`,
    );
    return (
      rows
        .map(
          (r) =>
            `${String(r.total).padStart(9)} ms ${String(r.calls).padStart(6)} calls ${String(r.rows).padStart(8)} rows  ${r.query}`,
        )
        .join('\n') + '\n'
    );
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      events: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '1' },
      port: { type: 'string', default: '54401' },
      'rebuild-only': { type: 'boolean', default: false },
      /** Needs pg_stat_statements in shared_preload_libraries of the folder's server (postgresql.auto.conf). */
      statements: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.dir) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const dataDir = join(values.dir, 'data');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const server = await startEmbeddedPostgres({ dataDir, port: Number(values.port), onNotice: () => undefined });
  const postmasterPid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  try {
    const url = new URL(server.url);
    url.pathname = '/aduan_lab';
    const apiUrl = new URL(server.url);
    apiUrl.pathname = '/aduan_lab_api';
    if (fresh) {
      await withClient(server.url, async (client) => {
        await client.query('CREATE DATABASE aduan_lab');
        await client.query('CREATE DATABASE aduan_lab_api');
      });
    }
    await prepareStore(url.toString());
    const target = Number(values.events);
    const stored = await countOf(url.toString(), 'SELECT count(*) AS count FROM events');
    if (stored < target) {
      if (stored > 0) throw new Error(`the store holds ${stored} events, fewer than ${target}: use a new folder`);
      progress('recording a lifecycle through the API');
      const app = await startBenchApp(apiUrl.toString());
      const lifecycle = await recordLifecycle(app, apiUrl.toString()).finally(() => app.close());
      const seeder = await EventSeeder.install(url.toString(), lifecycle);
      await seeder.growTo(target, (events) => progress(`seeded ${events} events`));
    }
    const meter = new CpuMeter(postmasterPid);
    const line = (name: string, pass: { perSecond: number; cpu: { processUs: number; postgresUs: number | null } }) =>
      `${name.padEnd(12)} ${Math.round(pass.perSecond).toLocaleString('en-US').padStart(9)} events/s  ` +
      `Node ${pass.cpu.processUs.toFixed(1).padStart(6)} µs  PG ${(pass.cpu.postgresUs ?? NaN).toFixed(1).padStart(6)} µs`;
    if (values.statements) {
      await withClient(url.toString(), async (client) => {
        await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
        await client.query('SELECT pg_stat_statements_reset()');
      });
    }
    if (values['rebuild-only']) {
      for (let round = 1; round <= Number(values.rounds); round += 1) {
        const pass = await measureRebuild(url.toString(), meter);
        process.stdout.write(`${line('rebuild', pass)}\n`);
      }
      for (const [table, hash] of Object.entries(await fingerprints(url.toString()))) {
        process.stdout.write(`${table}: ${hash}\n`);
      }
      if (values.statements) process.stdout.write(await topStatements(url.toString()));
      return;
    }
    const figures = await measureReadAndRebuild(url.toString(), meter, Number(values.rounds));
    const { cores } = describeMachine();
    process.stdout.write(
      [
        `${figures.storedEvents} events, ${figures.storedStreams} streams, ${figures.projectedComplaints} summaries`,
        line('raw scan', figures.rawScan),
        line('readAll', figures.readAll),
        line('rebuild', figures.rebuild),
        line('fold floor', figures.foldFloor),
        line('write floor', figures.writeFloor),
        `rebuild ÷ raw scan ${(figures.rebuild.perSecond / figures.rawScan.perSecond).toFixed(2)}×; ` +
          `the best the floors allow on ${cores} cores ${bestRebuildShare(figures, cores)?.toFixed(2) ?? '?'}×`,
        ...Object.entries(await fingerprints(url.toString())).map(([table, hash]) => `${table}: ${hash}`),
      ].join('\n') + '\n',
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild lab failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
