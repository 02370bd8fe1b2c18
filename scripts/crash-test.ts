import { parseArgs } from 'node:util';
import { startTestPostgres } from '#aduan/postgres';
import { builtEntry, sourceEntry } from './reliability/api-process.js';
import { runCrashScenario, violations, type CrashKind } from './reliability/crash-scenario.js';

const USAGE = `npm run crash-test -- [--submits N] [--clients N] [--crashes kind,kind,...] [--source]

Runs the API (dist/, built by the npm script) as a child process on a throwaway embedded PostgreSQL
under concurrent submits, crashes it as listed (api-killed: SIGKILL mid-load; projector-killed: the
projector kills its process between a batch's read-model writes and its checkpoint), restarts it
after each crash, stops it with SIGTERM, and checks that every acknowledged submit is stored exactly
once, the read models match the store and a fresh rebuild, and the logs hold no personal data.
--source runs apps/api/src/main.ts through scripts/run-ts instead of dist/. Exits 1 on any violation.`;

const CRASH_KINDS: readonly CrashKind[] = ['api-killed', 'projector-killed'];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      submits: { type: 'string', default: '5000' },
      clients: { type: 'string', default: '32' },
      crashes: { type: 'string', default: 'api-killed,projector-killed,api-killed,projector-killed,api-killed' },
      source: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const crashes = values.crashes.split(',').map((kind) => kind.trim()) as CrashKind[];
  const unknown = crashes.filter((kind) => !CRASH_KINDS.includes(kind));
  if (unknown.length > 0) throw new Error(`unknown crash kinds: ${unknown.join(', ')}\n\n${USAGE}`);

  const postgres = await startTestPostgres();
  try {
    const report = await runCrashScenario({
      entry: values.source ? sourceEntry() : builtEntry(),
      databaseUrl: await postgres.createDatabase(),
      submits: Number(values.submits),
      clients: Number(values.clients),
      crashes,
      jwtSecret: 'crash-test-secret-of-sufficient-length-0123456789',
      log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
    const { submits } = report;
    process.stdout.write(
      [
        `API: ${report.entry}, projector in ${report.projectorRunsIn === 'thread' ? 'a worker thread' : report.projectorRunsIn}`,
        `duration: ${(report.durationMs / 1000).toFixed(1)} s`,
        `submits: ${submits.attempts} attempted by ${values.clients} clients, ${submits.acknowledged} acknowledged, ` +
          `${submits.inDoubt} in doubt (${submits.storedInDoubt} of them stored), ${submits.refused} refused`,
        `acknowledged and stored exactly once: ${submits.acknowledgedStoredOnce}/${submits.acknowledged}; ` +
          `stored twice: ${submits.storedTwice.length}; complaints stored: ${submits.complaintsStored}`,
        ...report.crashes.map(
          (crash, index) =>
            `crash ${index + 1}: ${crash.kind} (${crash.exit.signal}) after ${crash.acknowledgedBefore} acknowledged; ` +
            `checkpoint ${crash.afterCrash.checkpoint}/${crash.afterCrash.events} events, ` +
            `${crash.afterCrash.unprojected} complaint events unprojected, ` +
            `${crash.afterCrash.wrong.length} wrong + ${crash.afterCrash.extra.length} extra rows`,
        ),
        `SIGTERM: exit code ${report.shutdown.code}; checkpoint ${report.afterShutdown.checkpoint}/${report.afterShutdown.events}`,
        `read models (${report.rebuild.tables.join(', ')}) equal a fresh rebuild (${report.rebuild.rows} rows, ${report.rebuild.replayedEvents} events): ${report.rebuild.equal}`,
        `personal data in ${report.logBytes} bytes of API output: ${report.personalDataInLogs.length} matches`,
      ].join('\n') + '\n',
    );
    const problems = violations(report);
    process.stdout.write(
      problems.length === 0 ? 'OK: every guarantee held\n' : `FAILED:\n- ${problems.join('\n- ')}\n`,
    );
    return problems.length === 0 ? 0 : 1;
  } finally {
    await postgres.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`crash-test failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
