/** The stored checkpoint moved under the projector: another writer is applying the same events. */
export class CheckpointMovedError extends Error {
  constructor(name: string, expected: string, actual: string | null) {
    super(`Projector ${name}: checkpoint is ${actual ?? 'absent'}, expected ${expected}; another projector is running`);
    this.name = 'CheckpointMovedError';
  }
}

/** Another process holds the projector lock (e.g. a running API while the CLI wants to rebuild). */
export class ProjectorBusyError extends Error {
  constructor(name: string) {
    super(`Projector ${name} is running in another process (an Aduan API instance?); stop it first`);
    this.name = 'ProjectorBusyError';
  }
}
