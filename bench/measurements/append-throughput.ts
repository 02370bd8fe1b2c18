import type { Lifecycle } from '../app/sample-lifecycle.js';
import { runAppendLoad, type AppendLoadResult } from '../load/append-load.js';
import type { WriterKind } from '../load/append-writers.js';
import { progress } from '../support/progress.js';

/** The writers compared at one concurrency. */
export interface AppendRound {
  readonly writers: number;
  /** Ceiling B: a durable single-row INSERT per commit, nothing else. */
  readonly ceilingB: AppendLoadResult;
  /** Aduan's PostgresEventStore.append, one event per append, each to a new stream. */
  readonly port: AppendLoadResult;
  /** The same port appending one event to an existing stream at its head: no target, shown beside it. */
  readonly existing: AppendLoadResult;
  /** Emmett's appendToStream, the same events to new streams, on its own database of the same server. */
  readonly emmett: AppendLoadResult;
}

export interface AppendOptions {
  readonly writerCounts: readonly number[];
  readonly postmasterPid: number | null;
  readonly seconds: number;
  readonly warmupSeconds: number;
}

const NAMES: Record<WriterKind, string> = {
  insert: 'ceiling B (INSERT commits)',
  aduan: 'Aduan PostgresEventStore.append',
  'aduan-existing': 'Aduan PostgresEventStore.append to existing streams',
  emmett: 'Emmett appendToStream',
};

/**
 * Sections 3 and 4: raw append throughput of the event-store port against the commit ceiling of
 * the server and against Emmett's PostgreSQL store, at each concurrency, and (no target) the port's
 * appends to existing streams, one after the other on the same server (Emmett in a database of its
 * own, the others side by side).
 */
export async function measureAppends(
  createDatabase: (purpose: string) => Promise<string>,
  lifecycle: Lifecycle,
  options: AppendOptions,
): Promise<AppendRound[]> {
  const shared = await createDatabase('appends');
  const urls: Record<WriterKind, string> = {
    insert: shared,
    aduan: shared,
    'aduan-existing': shared,
    emmett: await createDatabase('emmett'),
  };
  const rounds: AppendRound[] = [];
  for (const writers of options.writerCounts) {
    const measure = (kind: WriterKind): Promise<AppendLoadResult> => {
      progress(`appends: ${NAMES[kind]}, ${writers} writers, ${options.seconds} s`);
      return runAppendLoad({
        kind,
        url: urls[kind],
        writers,
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        lifecycle,
        postmasterPid: options.postmasterPid,
      });
    };
    const ceilingB = await measure('insert');
    const port = await measure('aduan');
    const existing = await measure('aduan-existing');
    const emmett = await measure('emmett');
    rounds.push({ writers, ceilingB, port, existing, emmett });
  }
  return rounds;
}
