import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to start the API in a child process. */
export interface ApiEntry {
  readonly command: string;
  readonly args: readonly string[];
  readonly description: string;
}

/** The repository root: the nearest folder above this file holding package.json (works from dist/ too). */
export function repositoryRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'apps'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no repository root above ${from}`);
  }
}

/**
 * The TypeScript sources, compiled on load by SWC with jest's settings (scripts/run-ts): what the
 * tests use, so a test never runs a stale build.
 */
export const sourceEntry = (root = repositoryRoot()): ApiEntry => ({
  command: process.execPath,
  args: ['--import', join(root, 'scripts/run-ts/register.mjs'), join(root, 'apps/api/src/main.ts')],
  description: 'apps/api/src/main.ts through scripts/run-ts (SWC)',
});

/** The build `npm start` runs (dist/), for `npm run crash-test`, which builds first. */
export const builtEntry = (root = repositoryRoot()): ApiEntry => ({
  command: process.execPath,
  args: [join(root, 'dist/apps/api/src/main.js')],
  description: 'dist/apps/api/src/main.js',
});

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

// Settings of the parent that must not leak into the child; the caller states what the child gets.
const NOT_INHERITED =
  /^(DATABASE_URL|JWT_SECRET|EVENT_STORE|KURRENTDB_CONNECTION_STRING|PORT|HOST|ADUAN_.*|EMBEDDED_PG_PORT|RATE_LIMIT_.*|NODE_OPTIONS)$/;

/** The API as a separate process, its output kept for inspection (and for checking it holds no personal data). */
export class ApiProcess {
  readonly output: string[] = [];
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;
  private exit: Exit | null = null;

  private constructor(
    readonly url: string,
    entry: ApiEntry,
    env: Record<string, string>,
    cwd: string,
  ) {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_INHERITED.test(name)));
    this.child = spawn(entry.command, [...entry.args], {
      cwd,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => this.output.push(chunk.toString('utf8'));
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  /** Spawns the API listening on `port`; call waitUntilHealthy to know it serves. */
  static spawn(options: {
    readonly entry: ApiEntry;
    readonly port: number;
    readonly env: Record<string, string>;
    readonly cwd?: string;
  }): ApiProcess {
    return new ApiProcess(
      `http://127.0.0.1:${options.port}`,
      options.entry,
      { ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
      options.cwd ?? repositoryRoot(),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** Until GET /health answers 200; fails early if the process exits, and after `timeoutMs`. */
  async waitUntilHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`the API exited before it was healthy: ${this.describeExit()}`);
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
      if (response?.status === 200) return;
      if (Date.now() > deadline) throw new Error(`the API was not healthy within ${timeoutMs} ms\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The projector's progress as /health reports it. */
  async eventsApplied(): Promise<number | null> {
    return (await this.projectorHealth())?.eventsApplied ?? null;
  }

  /** Where the projector runs (`thread` or `in-process`), as /health reports it. */
  async projectorRunsIn(): Promise<string | null> {
    return (await this.projectorHealth())?.runsIn ?? null;
  }

  private async projectorHealth(): Promise<{ eventsApplied?: number; runsIn?: string } | null> {
    const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (!response) return null;
    const body = (await response.json()) as { projector?: { eventsApplied?: number; runsIn?: string } };
    return body.projector ?? null;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Waits for the process to end, killing it after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const exit = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (exit) return exit;
    this.signal('SIGKILL');
    throw new Error(`the API did not exit within ${timeoutMs} ms\n${this.tail()}`);
  }

  describeExit(): string {
    return this.exit ? `code ${this.exit.code}, signal ${this.exit.signal}\n${this.tail()}` : 'still running';
  }

  tail(lines = 30): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }
}
