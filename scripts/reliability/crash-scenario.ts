import { randomInt } from 'node:crypto';
import { freePort } from '#aduan/postgres';
import { ApiProcess, type ApiEntry, type Exit } from './api-process.js';
import {
  StoreInspector,
  auditSubmits,
  type CheckpointConsistency,
  type RebuildComparison,
  type SubmitAudit,
} from './store-audit.js';
import { SubmitLoad } from './submit-load.js';

/**
 * - `api-killed`: the API process gets SIGKILL in the middle of the load.
 * - `projector-killed`: the API runs with ADUAN_FAULT_INJECT=projector-after-apply:n and kills itself
 *   inside the projector's transaction, after a batch's read-model writes, before its checkpoint.
 */
export type CrashKind = 'api-killed' | 'projector-killed';

export interface CrashScenarioOptions {
  readonly entry: ApiEntry;
  /** An empty database the scenario may fill (events and read models). */
  readonly databaseUrl: string;
  /** Acknowledged submits to reach in all. */
  readonly submits: number;
  readonly clients: number;
  /** Crashes, in order, spread over the run; the API is restarted after each. */
  readonly crashes: readonly CrashKind[];
  readonly jwtSecret: string;
  readonly log?: (line: string) => void;
}

export interface CrashRecord {
  readonly kind: CrashKind;
  readonly acknowledgedBefore: number;
  readonly exit: Exit;
  /** The read models and checkpoint as the crash left them, before the restart. */
  readonly afterCrash: CheckpointConsistency;
}

export interface CrashReport {
  readonly entry: string;
  readonly durationMs: number;
  readonly crashes: readonly CrashRecord[];
  readonly submits: SubmitAudit;
  /** Where the last API ran its projector, as its /health said (`thread` unless PROJECTOR_MODE says otherwise). */
  readonly projectorRunsIn: string | null;
  /** SIGTERM once the load is over and everything is projected. */
  readonly shutdown: Exit;
  readonly afterShutdown: CheckpointConsistency;
  readonly rebuild: RebuildComparison;
  /** Reporter names, emails or phone numbers found in the API's output (must stay empty). */
  readonly personalDataInLogs: readonly string[];
  readonly logBytes: number;
}

/** Reporter data the load sends is recognisable by these patterns (see SubmitLoad). */
const PERSONAL_DATA = [/Pelapor Uji [^\s"]*/g, /[^\s"]*@uji-ketahanan\.example/g, /0813\d{8}/g];

/**
 * Runs the API as a child process on `databaseUrl` under a steady submit load from many clients,
 * crashes it as planned, restarts it each time, and finally stops it with SIGTERM. Then checks the
 * store and the read models against what the clients were told.
 */
export async function runCrashScenario(options: CrashScenarioOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const port = await freePort();
  const inspector = await StoreInspector.open(options.databaseUrl);
  const processes: ApiProcess[] = [];
  const load = new SubmitLoad({ url: `http://127.0.0.1:${port}`, clients: options.clients });

  const start = async (next: CrashKind | undefined): Promise<ApiProcess> => {
    const fault = next === 'projector-killed' ? `projector-after-apply:${randomInt(3, 20)}` : undefined;
    const api = ApiProcess.spawn({
      entry: options.entry,
      port,
      env: {
        DATABASE_URL: options.databaseUrl,
        EVENT_STORE: 'postgres',
        JWT_SECRET: options.jwtSecret,
        RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '0',
        RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '0',
        ANCHOR_INTERVAL: 'off',
        ...(fault ? { ADUAN_FAULT_INJECT: fault } : {}),
      },
    });
    processes.push(api);
    try {
      await api.waitUntilHealthy();
    } catch (error) {
      // With a fault planned, the projector may die while it catches up, before /health says 200.
      if (!fault || api.running) throw error;
    }
    log(`API started (pid ${api.pid}${fault ? `, ADUAN_FAULT_INJECT=${fault}` : ''})`);
    return api;
  };

  const crashes: CrashRecord[] = [];
  let api: ApiProcess | undefined;
  try {
    api = await start(options.crashes[0]);
    load.start();
    for (const [index, kind] of options.crashes.entries()) {
      const threshold = Math.round((options.submits * (index + 1)) / (options.crashes.length + 1));
      let exit: Exit;
      if (kind === 'api-killed') {
        await load.whenAcknowledged(threshold);
        api.signal('SIGKILL');
        exit = await api.waitForExit(10_000);
      } else {
        exit = await api.waitForExit(120_000);
        if (exit.signal !== 'SIGKILL') throw new Error(`the projector fault did not fire: ${api.describeExit()}`);
      }
      const afterCrash = await inspector.readModelsMatchCheckpoint();
      crashes.push({ kind, acknowledgedBefore: load.acknowledged, exit, afterCrash });
      log(
        `${kind} after ${load.acknowledged} acknowledged submits: checkpoint at event ${afterCrash.checkpoint} of ` +
          `${afterCrash.events}, ${afterCrash.rows} rows, ${afterCrash.wrong.length + afterCrash.extra.length} inconsistent`,
      );
      api = await start(options.crashes[index + 1]);
    }
    await load.whenAcknowledged(options.submits);
    await load.stop();
    log(`load stopped: ${load.acknowledged} acknowledged of ${load.attempts.length} attempts`);

    const stored = (await inspector.events()).length;
    const deadline = Date.now() + 60_000;
    while (((await api.eventsApplied()) ?? -1) < stored) {
      if (Date.now() > deadline) throw new Error(`the projector did not reach event ${stored}\n${api.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const projectorRunsIn = await api.projectorRunsIn();
    api.signal('SIGTERM');
    const shutdown = await api.waitForExit(30_000);
    log(`API stopped with SIGTERM: exit code ${shutdown.code}`);

    const events = await inspector.events();
    const afterShutdown = await inspector.readModelsMatchCheckpoint();
    const submits = auditSubmits(load.attempts, events, await inspector.rowIds());
    const rebuild = await inspector.readModelsEqualRebuild();
    const output = processes.map((p) => p.output.join('')).join('\n');
    return {
      entry: options.entry.description,
      durationMs: Math.round(performance.now() - started),
      crashes,
      submits,
      projectorRunsIn,
      shutdown,
      afterShutdown,
      rebuild,
      personalDataInLogs: PERSONAL_DATA.flatMap((pattern) => output.match(pattern) ?? []),
      logBytes: output.length,
    };
  } finally {
    await load.stop();
    for (const process of processes) process.signal('SIGKILL');
    await inspector.close();
  }
}

/** The failures of a report, in words; empty when every guarantee held. */
export function violations(report: CrashReport): string[] {
  const found: string[] = [];
  const { submits } = report;
  if (submits.acknowledgedMissing.length > 0) {
    found.push(`acknowledged but not stored: ${submits.acknowledgedMissing.slice(0, 5).join(', ')}`);
  }
  if (submits.storedTwice.length > 0) found.push(`stored twice: ${submits.storedTwice.slice(0, 5).join(', ')}`);
  if (submits.storedRefused.length > 0) found.push(`stored though refused: ${submits.storedRefused.join(', ')}`);
  if (submits.acknowledgedStoredOnce !== submits.acknowledged) {
    found.push(`only ${submits.acknowledgedStoredOnce} of ${submits.acknowledged} acknowledged submits stored once`);
  }
  if (submits.acknowledgedWithoutRow.length > 0) {
    found.push(`acknowledged without a read-model row: ${submits.acknowledgedWithoutRow.slice(0, 5).join(', ')}`);
  }
  for (const crash of report.crashes) {
    if (crash.afterCrash.wrong.length + crash.afterCrash.extra.length > 0) {
      found.push(
        `after ${crash.kind}, read models disagree with the checkpoint (${crash.afterCrash.checkpoint}): ` +
          `${crash.afterCrash.wrong.length} wrong, ${crash.afterCrash.extra.length} extra rows`,
      );
    }
  }
  const { afterShutdown } = report;
  if (afterShutdown.wrong.length + afterShutdown.extra.length + afterShutdown.unprojected > 0) {
    found.push(`after SIGTERM, read models disagree with the store`);
  }
  if (report.shutdown.code !== 0)
    found.push(`SIGTERM exit code ${report.shutdown.code}, signal ${report.shutdown.signal}`);
  if (!report.rebuild.equal) found.push('read models differ from a fresh rebuild');
  if (report.personalDataInLogs.length > 0) {
    found.push(`personal data in the API's logs: ${report.personalDataInLogs.slice(0, 3).join(', ')}`);
  }
  return found;
}
