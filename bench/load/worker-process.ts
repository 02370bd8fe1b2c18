import { fork } from 'node:child_process';

/**
 * Load generators run in child processes: their CPU is not taken from the process they measure,
 * and libraries that change process-wide settings (Emmett's dumbo makes pg parse int8 as BigInt)
 * cannot leak into the app. A worker answers one request, then exits.
 */
export function runInWorker<Spec, Result>(workerFile: string, spec: Spec): Promise<Result> {
  return new Promise((resolve, reject) => {
    // No inherited node flags: profiling the benchmark process then profiles the server alone.
    const child = fork(workerFile, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (message: { result?: Result; error?: string }) => {
      settled = true;
      if (message.error === undefined) resolve(message.result as Result);
      else reject(new Error(`${workerFile}: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`${workerFile} exited with code ${code} before answering`));
    });
    child.send(spec as object);
  });
}

/** The worker's side: runs `work` on the spec the parent sends, answers, and exits. */
export function serveOneRequest<Spec, Result>(work: (spec: Spec) => Promise<Result>): void {
  process.once('message', (spec: Spec) => {
    work(spec).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error: unknown) =>
        process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
          process.exit(1),
        ),
    );
  });
}
