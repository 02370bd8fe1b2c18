import { loadConfig } from '#aduan/infrastructure';
import { createApp } from '../../../../apps/api/src/create-app.js';
import { DeadlineScanner, type ScanResult } from '../../../../apps/api/src/deadlines/deadline-scanner.js';
import type { Clock } from '../../../../apps/api/src/runtime/clock.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import {
  PROJECTOR_THREAD_EXEC_ARGV,
  storeSelection,
  TEST_JWT_SECRET,
  type RunningApp,
  type TestEnvironment,
} from '../../support/test-app.js';

/** A clock the test moves: it starts at the real time and only goes where the test sends it. */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward by milliseconds. */
  advance(milliseconds: number): void {
    this.offsetMs += milliseconds;
  }

  /** Moves the clock to an instant (which must not be in its past). */
  moveTo(instant: Date | string): void {
    const target = new Date(instant).getTime();
    if (Number.isNaN(target)) throw new Error(`the test clock cannot move to ${String(instant)}`);
    const delta = target - this.now().getTime();
    if (delta < 0) throw new Error(`the test clock does not go back (${new Date(instant).toISOString()})`);
    this.offsetMs += delta;
  }
}

export interface WorkflowApp extends RunningApp {
  /** Runs one deadline scan now, as the timer would. */
  scan(): Promise<ScanResult>;
}

/**
 * Starts the real API over HTTP like TestEnvironment.startApp, on the given clock. The deadline scanner
 * runs every DEADLINE_SCAN_INTERVAL (PT1S here unless the env says otherwise) against that clock.
 */
export async function startWorkflowApp(
  env: TestEnvironment,
  options: { databaseUrl?: string; clock?: Clock; env?: Record<string, string> } = {},
): Promise<WorkflowApp> {
  const databaseUrl = options.databaseUrl ?? (await env.createDatabase());
  const config = loadConfig({
    ...storeSelection(),
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: databaseUrl,
    DEADLINE_SCAN_INTERVAL: 'PT1S',
    // These suites poll the read models while clocks move: request rate limits are not under test here.
    RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '0',
    // Deadlines, not where the projector runs, are under test (test/e2e/projector-thread covers the thread).
    PROJECTOR_MODE: 'in-process',
    ...options.env,
  });
  const { app, runtime } = await createApp({
    config,
    databaseUrl,
    clock: options.clock,
    schemaFile: false,
    logLevels: ['error'],
    projectorThreadExecArgv: PROJECTOR_THREAD_EXEC_ARGV,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return {
    app,
    runtime,
    url,
    client: new GraphQLClient(`${url}/graphql`),
    close: () => app.close(),
    scan: () => app.get(DeadlineScanner).scan(),
  };
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${url}/health`).catch(() => null);
    if (response?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url}/health did not answer 200 within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
