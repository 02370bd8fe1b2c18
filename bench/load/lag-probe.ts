import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LagProbeResult, LagProbeSpec } from './lag-probe-spec.js';

export type { LagProbeResult, LagProbeSpec } from './lag-probe-spec.js';

const WORKER = fileURLToPath(new URL('./lag-probe-worker.js', import.meta.url));

/** A running projection-lag probe (lag-probe-worker) in its own process. */
export class LagProbe {
  private constructor(
    private readonly child: ChildProcess,
    private readonly result: Promise<LagProbeResult>,
  ) {}

  static start(spec: LagProbeSpec): LagProbe {
    const child = fork(WORKER, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const result = new Promise<LagProbeResult>((resolve, reject) => {
      child.once('message', (message: LagProbeResult) => resolve(message));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`lag probe exited with code ${code} before answering`)));
    });
    child.send(spec);
    return new LagProbe(child, result);
  }

  #stopping = false;

  /** Asks the probe to finish its sample in flight and answer; calling it again just waits. */
  stop(): Promise<LagProbeResult> {
    if (!this.#stopping) {
      this.#stopping = true;
      this.child.send('stop');
    }
    return this.result;
  }
}
