import { createConfiguredEventStore, createReadModelProjector, loadConfig } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';
import { ProjectorBusyError } from '#aduan/projections';
import {
  aComplaint,
  COMPLAINT,
  ESCALATE,
  FORWARD,
  RESPOND,
  SANCTION,
  SUBMIT,
  type ComplaintView,
} from './support/operations.js';
import { countEvents, readModelSnapshot } from './support/read-model-snapshot.js';
import { eventually, storeSelection, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const quietLogger = { log: () => undefined, error: () => undefined };

describe('rebuilding read models and restarting the app', () => {
  let env: TestEnvironment;
  let databaseUrl: string;
  let api: RunningApp | undefined;
  // As `npm start` runs it: the projector (and its advisory lock) in a worker thread of the API.
  const startApp = () => env.startApp({ databaseUrl, env: { PROJECTOR_MODE: 'thread' } });
  const t: Record<string, string> = {};
  const ours: string[] = [];

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.officer = await token({ sub: 'officer-1', role: 'agency_officer', agency: 'KAB-BOMBANA-INSPEKTORAT' });
    t.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  async function writeSomeHistory(app: RunningApp, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { submitComplaint } = await app.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
        input: aComplaint({ agencyCode: 'KAB-BOMBANA', channel: i % 2 ? 'SMS' : 'WHATSAPP' }),
      });
      const id = submitComplaint.id;
      ids.push(id);
      ours.push(id);
      if (i % 4 === 0) continue;
      await app.client.ok(FORWARD, { input: { complaintId: id, toAgencyCode: 'KAB-BOMBANA-INSPEKTORAT' } }, t.operator);
      if (i % 4 === 1) continue;
      await app.client.ok(RESPOND, { input: { complaintId: id, message: 'Sedang diperiksa inspektorat.' } }, t.officer);
      await app.client.ok(ESCALATE, { input: { complaintId: id, reason: 'Pelapor tidak puas' } }, t.operator);
      if (i % 4 === 2) continue;
      await app.client.ok(
        SANCTION,
        {
          input: {
            complaintId: id,
            sanctionedAgencyCode: 'KAB-BOMBANA-INSPEKTORAT',
            kind: 'WRITTEN_REPRIMAND',
            reason: 'Terlambat',
          },
        },
        t.ombudsman,
      );
    }
    return ids;
  }

  async function waitUntilProjected(app: RunningApp, ids: string[]): Promise<void> {
    const events = await countEvents(app.runtime.eventStore);
    await eventually(async () => (app.runtime.projector.status().ordinal >= events ? true : undefined));
    for (const id of ids) await app.client.ok(COMPLAINT, { id }, t.operator);
  }

  it('rebuilds read models identical to the live ones, and refuses while the API projects', async () => {
    api = await startApp();
    const ids = await writeSomeHistory(api, 12);
    await waitUntilProjected(api, ids);
    const live = await readModelSnapshot(databaseUrl, ours);
    expect(live.complaints).toHaveLength(12);
    expect(live.escalations).toHaveLength(6);

    const pool = createPool({ connectionString: databaseUrl, max: 4 });
    const store = await createConfiguredEventStore(
      loadConfig({ ...storeSelection(), DATABASE_URL: databaseUrl }),
      pool,
      quietLogger,
    );
    try {
      const projector = createReadModelProjector(store, pool, quietLogger);
      await expect(projector.rebuild()).rejects.toBeInstanceOf(ProjectorBusyError);
      await api.close();
      api = undefined;
      const progress: number[] = [];
      const applied = await projector.rebuild(({ applied }) => progress.push(applied));
      expect(applied).toBe(await countEvents(store));
      expect(progress.at(-1)).toBe(applied);
    } finally {
      await store.close();
      await pool.end();
    }
    expect(await readModelSnapshot(databaseUrl, ours)).toEqual(live);
  });

  it('keeps everything across a restart and carries on writing', async () => {
    api = await startApp();
    const before = await readModelSnapshot(databaseUrl, ours);
    const [first] = before.complaints as { id: string; version: number; status: string }[];
    const { complaint } = await api.client.ok<{ complaint: ComplaintView }>(COMPLAINT, { id: first?.id }, t.operator);
    expect(complaint).toMatchObject({ id: first?.id, version: first?.version, status: first?.status });

    const more = await writeSomeHistory(api, 2);
    await waitUntilProjected(api, more);
    await api.close();
    api = await startApp();
    const after = await readModelSnapshot(databaseUrl, ours);
    expect(after.complaints).toHaveLength(before.complaints.length + 2);
    expect(after.complaints).toEqual(expect.arrayContaining(before.complaints));
  });
});
