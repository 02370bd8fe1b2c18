import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./projector-worker.js', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

/** The projector running in its own process (projector-worker), for the lag diagnostic. */
export class ProjectorProcess {
  private constructor(private readonly child: ChildProcess) {}

  /** Forks the projector and waits until it leads and has caught up. */
  static async start(databaseUrl: string): Promise<ProjectorProcess> {
    const child = fork(WORKER, [databaseUrl], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the projector process did not lead in time')), READY_TIMEOUT_MS);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => reject(new Error(`the projector process exited with code ${code}`)));
    });
    return new ProjectorProcess(child);
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send('stop');
    await exited;
  }
}
