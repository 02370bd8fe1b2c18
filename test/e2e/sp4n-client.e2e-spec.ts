import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  pullOnce,
  runSp4nClient,
  type ComplaintChange,
  type PendingEscalation,
  type Sp4nClientOptions,
} from '../../scripts/sp4n-client.js';
import { ESCALATE } from './support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const IMPORT = `mutation Import($input: ImportSp4nComplaintInput!) { importSp4nComplaint(input: $input) { id } }`;

describe('the reference SP4N / Ombudsman client (scripts/sp4n-client.ts)', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let folder: string;
  let options: Sp4nClientOptions;
  let operator: string;
  let sp4n: string;

  const importAndEscalate = async (): Promise<string> => {
    const { importSp4nComplaint } = await api.client.ok<{ importSp4nComplaint: { id: string } }>(
      IMPORT,
      {
        input: {
          nationalTrackingId: `LAPOR-${randomUUID()}`,
          title: 'Jalan rusak di Martapura',
          description: 'Jalan utama di depan pasar Martapura berlubang besar sejak tiga bulan lalu.',
          type: 'COMPLAINT',
          agencyCode: 'KAB-BANJAR',
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
      sp4n,
    );
    await api.client.ok(
      ESCALATE,
      { input: { complaintId: importSp4nComplaint.id, reason: 'Tidak ditanggapi' } },
      operator,
    );
    return importSp4nComplaint.id;
  };

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    folder = await mkdtemp(join(tmpdir(), 'sp4n-client-'));
    operator = await token({ sub: 'operator-1', role: 'operator' });
    sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });
    options = {
      url: `${api.url}/graphql`,
      sp4nToken: sp4n,
      ombudsmanToken: await token({ sub: 'ombudsman-kalsel', role: 'ombudsman', agency: 'OMBUDSMAN-KALSEL' }),
      checkpointFile: join(folder, 'checkpoint.json'),
      pageSize: 2,
    };
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('pulls both feeds, keeps its cursor, and loses nothing when it crashes before acknowledging', async () => {
    const ids = [await importAndEscalate(), await importAndEscalate()];
    const changes: ComplaintChange[] = [];
    const escalations: PendingEscalation[] = [];
    const collect: Sp4nClientOptions = {
      ...options,
      onChange: (c) => void changes.push(c),
      onEscalation: (e) => void escalations.push(e),
    };
    // Wait for the projector: two receipts and two escalations in the feed.
    const probe: ComplaintChange[] = [];
    await eventually(async () => {
      await pullOnce({
        url: options.url,
        sp4nToken: sp4n,
        checkpointFile: join(folder, 'probe.json'),
        onChange: (c) => void probe.push(c),
      });
      return probe.filter((c) => ids.includes(c.complaintId)).length >= 4 ? true : undefined;
    });

    // A client that crashes while handing over the first escalation: nothing is acknowledged.
    await expect(
      pullOnce({
        ...options,
        sp4nToken: undefined,
        onEscalation: () => {
          throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');

    const first = await pullOnce(collect);
    expect(changes.filter((c) => ids.includes(c.complaintId)).map((c) => [c.complaintId, c.newStatus])).toEqual([
      [ids[0], 'SUBMITTED'],
      [ids[0], 'ESCALATED'],
      [ids[1], 'SUBMITTED'],
      [ids[1], 'ESCALATED'],
    ]);
    expect(escalations.map((e) => e.complaintId)).toEqual(ids);
    expect(first.acknowledged).toBe(2);
    const checkpoint = JSON.parse(await readFile(options.checkpointFile, 'utf8')) as { complaintChangesAfter: string };
    expect(checkpoint.complaintChangesAfter).toBe(changes.at(-1)?.cursor);

    // The next round starts from the checkpoint and finds nothing new.
    expect(await pullOnce(collect)).toEqual({ changes: 0, escalations: 0, acknowledged: 0 });

    // Running continuously, it picks up what comes next.
    const stop = new AbortController();
    const running = runSp4nClient({ ...collect, intervalMs: 50, signal: stop.signal });
    const third = await importAndEscalate();
    await eventually(async () => (escalations.some((e) => e.complaintId === third) ? true : undefined));
    await eventually(async () => (changes.filter((c) => c.complaintId === third).length >= 2 ? true : undefined));
    stop.abort();
    await running;
    expect(new Set(changes.map((c) => c.cursor)).size).toBe(changes.length);
  });
});
