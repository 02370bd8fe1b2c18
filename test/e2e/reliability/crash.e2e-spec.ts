import { startTestPostgres, type TestPostgres } from '#aduan/postgres';
import { sourceEntry } from '../../../scripts/reliability/api-process.js';
import { runCrashScenario, violations, type CrashReport } from '../../../scripts/reliability/crash-scenario.js';
import { TEST_JWT_SECRET } from '../support/test-app.js';

/**
 * The API runs as a separate process (its TypeScript sources through scripts/run-ts, as jest compiles
 * them) under submits from many clients, its projector in a worker thread as `npm start` runs it; it
 * is killed with SIGKILL mid-load, then made to kill itself (from the projector's thread) inside the
 * projector's transaction, restarted each time, and finally stopped with SIGTERM.
 * `npm run crash-test` runs the same scenario at a larger scale on the built API.
 */
describe('crash safety', () => {
  let postgres: TestPostgres;
  let report: CrashReport;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    report = await runCrashScenario({
      entry: sourceEntry(),
      databaseUrl: await postgres.createDatabase(),
      submits: Number(process.env.CRASH_TEST_SUBMITS ?? 1000),
      clients: 24,
      crashes: ['api-killed', 'projector-killed'],
      jwtSecret: TEST_JWT_SECRET,
    });
    const { submits } = report;
    process.stdout.write(
      `crash: ${submits.attempts} attempts, ${submits.acknowledged} acknowledged, ${submits.inDoubt} in doubt ` +
        `(${submits.storedInDoubt} stored), ${submits.refused} refused; ` +
        report.crashes
          .map((c) => `${c.kind} at checkpoint ${c.afterCrash.checkpoint}/${c.afterCrash.events}`)
          .join(', ') +
        `; ${(report.durationMs / 1000).toFixed(1)} s\n`,
    );
  }, 240_000);
  afterAll(() => postgres?.stop());

  it('keeps every acknowledged submit exactly once in the store and in the read models', () => {
    const { submits } = report;
    expect(submits.acknowledged).toBeGreaterThanOrEqual(1000);
    expect(submits.acknowledgedMissing).toEqual([]);
    expect(submits.storedTwice).toEqual([]);
    expect(submits.acknowledgedStoredOnce).toBe(submits.acknowledged);
    expect(submits.acknowledgedWithoutRow).toEqual([]);
    // Only a submit whose answer was lost can be stored unacknowledged; a refused one never is.
    expect(submits.storedRefused).toEqual([]);
    expect(submits.complaintsStored).toBe(submits.acknowledged + submits.storedInDoubt);
  });

  it('leaves read models that match the committed checkpoint after a SIGKILL of the API', () => {
    const crash = report.crashes.find((c) => c.kind === 'api-killed');
    expect(crash?.exit.signal).toBe('SIGKILL');
    expect(crash?.afterCrash).toMatchObject({ wrong: [], extra: [] });
  });

  it('applies nothing of a batch when the projector dies between its read-model writes and its checkpoint', () => {
    const crash = report.crashes.find((c) => c.kind === 'projector-killed');
    expect(crash?.exit.signal).toBe('SIGKILL');
    expect(crash?.afterCrash).toMatchObject({ wrong: [], extra: [] });
    // The batch in flight was stored in the event store but none of it reached the read models.
    expect(crash?.afterCrash.unprojected).toBeGreaterThan(0);
  });

  it('stops cleanly on SIGTERM with read models equal to a fresh rebuild, and no personal data in the logs', () => {
    expect(report.projectorRunsIn).toBe('thread');
    expect(report.shutdown).toEqual({ code: 0, signal: null });
    expect(report.afterShutdown).toMatchObject({ wrong: [], extra: [], unprojected: 0 });
    expect(report.rebuild.equal).toBe(true);
    expect(report.personalDataInLogs).toEqual([]);
    expect(violations(report)).toEqual([]);
  });
});
