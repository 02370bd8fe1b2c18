import pg from 'pg';
import { aComplaint, COMPLAINT, SUBMIT, type ComplaintView } from './support/operations.js';
import { countEvents } from './support/read-model-snapshot.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

interface Health {
  readonly status: number;
  readonly body: {
    status: string;
    projector: { role: string; ready: boolean; eventsApplied: number; runsIn: string; restarts?: number };
  };
}

const health = async (app: RunningApp): Promise<Health> => {
  const response = await fetch(`${app.url}/health`);
  return { status: response.status, body: (await response.json()) as Health['body'] };
};

const THREAD = { PROJECTOR_MODE: 'thread' };

/** The projector as `npm start` runs it: in a worker thread of the API, supervised over its message port. */
describe('the projector in a worker thread', () => {
  let env: TestEnvironment;
  let operator: string;
  const running: RunningApp[] = [];
  const start = async (databaseUrl: string, extra: Record<string, string> = {}): Promise<RunningApp> => {
    const app = await env.startApp({ databaseUrl, env: { ...THREAD, ...extra } });
    running.push(app);
    return app;
  };
  const close = async (app: RunningApp): Promise<void> => {
    running.splice(running.indexOf(app), 1);
    await app.close();
  };
  const submit = async (app: RunningApp): Promise<string> =>
    (await app.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, { input: aComplaint() })).submitComplaint.id;
  const summaryVersion = async (databaseUrl: string, id: string): Promise<number | undefined> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM complaint_summary WHERE id = $1', [
        id,
      ]);
      return rows[0]?.version;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    env = await TestEnvironment.start();
    operator = await token({ sub: 'operator-1', role: 'operator' });
  });
  afterAll(async () => {
    for (const app of [...running]) await close(app);
    await env?.stop();
  });

  it('projects what the API writes and reports leadership and progress on /health', async () => {
    const databaseUrl = await env.createDatabase();
    const api = await start(databaseUrl);
    const id = await submit(api);
    await eventually(async () => ((await summaryVersion(databaseUrl, id)) === 0 ? true : undefined));
    const events = await countEvents(api.runtime.eventStore);
    const reported = await eventually(async () => {
      const answer = await health(api);
      return answer.body.projector.eventsApplied >= events ? answer : undefined;
    });
    expect(reported).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: 'up',
        projector: { role: 'leader', ready: true, eventsApplied: events, runsIn: 'thread', restarts: 0 },
      },
    });
    expect(api.runtime.projector.status()).toMatchObject({ role: 'leader', ready: true, ordinal: events });
    // The read side answers from the read model the thread wrote.
    const { complaint } = await api.client.ok<{ complaint: ComplaintView }>(COMPLAINT, { id }, operator);
    expect(complaint).toMatchObject({ id, status: 'SUBMITTED', version: 0 });
  });

  it('elects one leader among two instances; the standby takes over when the leader stops', async () => {
    const databaseUrl = await env.createDatabase();
    const first = await start(databaseUrl);
    const second = await start(databaseUrl);
    expect((await health(first)).body.projector.role).toBe('leader');
    expect((await health(second)).body.projector).toMatchObject({ role: 'standby', ready: true });

    // Stopping lets the leader's thread commit what it holds and release the lock for the standby.
    await close(first);
    await eventually(async () => ((await health(second)).body.projector.role === 'leader' ? true : undefined));
    const id = await submit(second);
    await eventually(async () => ((await summaryVersion(databaseUrl, id)) === 0 ? true : undefined));
  });

  it('restarts a thread that crashed inside its transaction: unhealthy meanwhile, nothing lost or doubled', async () => {
    const databaseUrl = await env.createDatabase();
    // The thread ends itself in its second batch, after the read-model writes, before the checkpoint.
    const api = await start(databaseUrl, { ADUAN_FAULT_INJECT: 'projector-thread-exit:2' });
    const answers: Health[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        answers.push(await health(api));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      const first = await submit(api);
      await eventually(async () => ((await summaryVersion(databaseUrl, first)) === 0 ? true : undefined));
      const second = await submit(api);
      await eventually(async () => ((await health(api)).body.projector.restarts === 1 ? true : undefined));
      // Its transaction died with its connection: nothing of that batch reached the read models.
      expect(await summaryVersion(databaseUrl, second)).toBeUndefined();
      await eventually(async () => ((await health(api)).status === 200 ? true : undefined), 20_000);
      await eventually(async () => ((await summaryVersion(databaseUrl, second)) === 0 ? true : undefined));
      const third = await submit(api);
      await eventually(async () => ((await summaryVersion(databaseUrl, third)) === 0 ? true : undefined));

      watching = false;
      await watcher;
      // While the thread was down the API said so; the fault fired once, not again after the restart.
      expect(answers.some((a) => a.status === 503 && !a.body.projector.ready)).toBe(true);
      const last = await health(api);
      expect(last.body.projector).toMatchObject({ role: 'leader', ready: true, restarts: 1 });
      expect(last.body.projector.eventsApplied).toBe(await countEvents(api.runtime.eventStore));
      // The batch the thread died in was applied once, after the restart: every row is at its revision.
      for (const id of [first, second, third]) expect(await summaryVersion(databaseUrl, id)).toBe(0);
    } finally {
      watching = false;
      await watcher;
    }
  }, 60_000);
});
