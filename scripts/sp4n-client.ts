// A reference client for the two outbound feeds: SP4N-LAPOR!'s change feed (`complaintChanges`, with a
// cursor kept in a checkpoint file) and the Ombudsman's escalations (`pendingEscalations`, then
// `acknowledgeEscalations`). Delivery is at least once: a change or an escalation is handed to the
// handler before the checkpoint moves or the acknowledgement is sent, so a crash in between hands
// it over again on the next run. Handlers should be idempotent (key on the cursor or escalation id).
//
//   SP4N_TOKEN=… OMBUDSMAN_TOKEN=… npm run sp4n-client -- --url http://localhost:3000/graphql \
//     --checkpoint ./sp4n-client.checkpoint.json [--interval 5000] [--once]
import { readFile, rename, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface ComplaintChange {
  readonly cursor: string;
  readonly complaintId: string;
  readonly nationalTrackingId: string | null;
  readonly trackingCode: string;
  readonly previousStatus: string | null;
  readonly newStatus: string;
  readonly eventType: string;
  readonly changedAt: string;
}

export interface PendingEscalation {
  readonly id: string;
  readonly complaintId: string;
  readonly reason: string;
  readonly source: string;
  readonly escalatedAt: string;
  readonly agencyCode: string | null;
}

export interface Sp4nClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:3000/graphql. */
  readonly url: string;
  /** Token of role sp4n: pulls `complaintChanges`. Without it the change feed is not pulled. */
  readonly sp4nToken?: string;
  /** Token of role ombudsman (its agency is the office): pulls and acknowledges escalations. */
  readonly ombudsmanToken?: string;
  /** Where the change feed's cursor is kept between runs (written atomically after each page). */
  readonly checkpointFile: string;
  /** 1–100. */
  readonly pageSize?: number;
  readonly onChange?: (change: ComplaintChange) => void | Promise<void>;
  readonly onEscalation?: (escalation: PendingEscalation) => void | Promise<void>;
}

export interface Checkpoint {
  /** The last `endCursor` of `complaintChanges`; null before the first change. */
  readonly complaintChangesAfter: string | null;
}

export interface PullResult {
  readonly changes: number;
  readonly escalations: number;
  readonly acknowledged: number;
}

const CHANGES = `query Changes($after: String, $first: Int) { complaintChanges(after: $after, first: $first) {
  edges { cursor node { complaintId nationalTrackingId trackingCode previousStatus newStatus eventType changedAt } }
  pageInfo { hasNextPage endCursor } } }`;
const PENDING = `query { pendingEscalations { id complaintId reason source escalatedAt agencyCode } }`;
const ACKNOWLEDGE = `mutation Ack($ids: [ID!]!) { acknowledgeEscalations(ids: $ids) }`;

interface ChangesPage {
  complaintChanges: {
    edges: { cursor: string; node: Omit<ComplaintChange, 'cursor'> }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export async function readCheckpoint(file: string): Promise<Checkpoint> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Checkpoint>;
    return {
      complaintChangesAfter: typeof parsed.complaintChangesAfter === 'string' ? parsed.complaintChangesAfter : null,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { complaintChangesAfter: null };
    throw error;
  }
}

/** Write-then-rename, so a crash mid-write leaves the previous checkpoint intact. */
async function saveCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(checkpoint)}\n`, 'utf8');
  await rename(temporary, file);
}

async function graphql<T>(
  url: string,
  bearer: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
}

/** One round: the change feed to its end, then every pending escalation (acknowledged once handled). */
export async function pullOnce(options: Sp4nClientOptions): Promise<PullResult> {
  let changes = 0;
  let escalations = 0;
  let acknowledged = 0;
  if (options.sp4nToken) {
    let { complaintChangesAfter: after } = await readCheckpoint(options.checkpointFile);
    for (;;) {
      const { complaintChanges: page } = await graphql<ChangesPage>(options.url, options.sp4nToken, CHANGES, {
        after,
        first: options.pageSize ?? 50,
      });
      for (const { cursor, node } of page.edges) {
        await options.onChange?.({ ...node, cursor });
        changes++;
      }
      if (page.pageInfo.endCursor && page.pageInfo.endCursor !== after) {
        after = page.pageInfo.endCursor;
        await saveCheckpoint(options.checkpointFile, { complaintChangesAfter: after });
      }
      if (!page.pageInfo.hasNextPage) break;
    }
  }
  if (options.ombudsmanToken) {
    for (;;) {
      const { pendingEscalations } = await graphql<{ pendingEscalations: PendingEscalation[] }>(
        options.url,
        options.ombudsmanToken,
        PENDING,
      );
      if (pendingEscalations.length === 0) break;
      for (const escalation of pendingEscalations) {
        await options.onEscalation?.(escalation);
        escalations++;
      }
      const { acknowledgeEscalations } = await graphql<{ acknowledgeEscalations: number }>(
        options.url,
        options.ombudsmanToken,
        ACKNOWLEDGE,
        { ids: pendingEscalations.map((e) => e.id) },
      );
      acknowledged += acknowledgeEscalations;
      // Another client of the same office acknowledged them first: nothing new to wait for.
      if (acknowledgeEscalations === 0) break;
    }
  }
  return { changes, escalations, acknowledged };
}

/** Pulls continuously until the signal aborts; a failed round is logged and retried after the interval. */
export async function runSp4nClient(
  options: Sp4nClientOptions & {
    readonly intervalMs?: number;
    readonly signal?: AbortSignal;
    readonly log?: (line: string) => void;
  },
): Promise<void> {
  while (!options.signal?.aborted) {
    try {
      await pullOnce(options);
    } catch (error) {
      options.log?.(`sp4n-client: round failed, retrying: ${(error as Error).message}`);
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, options.intervalMs ?? 5_000);
      options.signal?.addEventListener('abort', done, { once: true });
    });
  }
}

const USAGE = `SP4N_TOKEN=… OMBUDSMAN_TOKEN=… npm run sp4n-client -- --url URL --checkpoint FILE [--interval MS] [--once]

Pulls complaintChanges (with SP4N_TOKEN) and pendingEscalations (with OMBUDSMAN_TOKEN, acknowledging
each batch once printed) and prints one JSON line per change or escalation. --once pulls one round.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:3000/graphql' },
      checkpoint: { type: 'string', default: 'sp4n-client.checkpoint.json' },
      interval: { type: 'string', default: '5000' },
      once: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options: Sp4nClientOptions = {
    url: values.url,
    checkpointFile: values.checkpoint,
    ...(process.env.SP4N_TOKEN ? { sp4nToken: process.env.SP4N_TOKEN } : {}),
    ...(process.env.OMBUDSMAN_TOKEN ? { ombudsmanToken: process.env.OMBUDSMAN_TOKEN } : {}),
    onChange: (change) => void process.stdout.write(`${JSON.stringify({ kind: 'change', ...change })}\n`),
    onEscalation: (escalation) =>
      void process.stdout.write(`${JSON.stringify({ kind: 'escalation', ...escalation })}\n`),
  };
  if (!options.sp4nToken && !options.ombudsmanToken)
    throw new Error(`set SP4N_TOKEN and/or OMBUDSMAN_TOKEN\n\n${USAGE}`);
  if (values.once) {
    await pullOnce(options);
    return 0;
  }
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  await runSp4nClient({
    ...options,
    intervalMs: Number(values.interval),
    signal: stop.signal,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`sp4n-client failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
