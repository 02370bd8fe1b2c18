import { randomUUID } from 'node:crypto';
import { complaintStreamName } from '#aduan/complaints';
import { onlyError } from './support/graphql-client.js';
import { COMPLAINT } from './support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const IMPORT = `mutation Import($input: ImportSp4nComplaintInput!) { importSp4nComplaint(input: $input) {
  id trackingCode channel status nationalTrackingId submittedAt dueAt anonymous version } }`;

interface Imported {
  id: string;
  trackingCode: string;
  channel: string;
  status: string;
  nationalTrackingId: string | null;
  submittedAt: string;
  anonymous: boolean;
  version: number;
}

describe('SP4N-LAPOR! imports', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let sp4n: string;
  let operator: string;

  const record = (nationalTrackingId: string) => ({
    nationalTrackingId,
    title: 'Antrean BPJS tidak tertib',
    description: 'Antrean di kantor cabang tidak tertib dan tanpa nomor urut sejak pagi.',
    type: 'COMPLAINT',
    agencyCode: 'KAB-BANJAR-DINKES',
    anonymous: true,
    reporter: { name: 'Siti', phone: '081234567890' },
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  });

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });
    operator = await token({ sub: 'operator-1', role: 'operator' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('creates one complaint per national id, even under ten concurrent identical imports', async () => {
    const nationalTrackingId = `LAPOR-${randomUUID()}`;
    const input = record(nationalTrackingId);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.client.ok<{ importSp4nComplaint: Imported }>(IMPORT, { input }, sp4n)),
    );
    const ids = new Set(answers.map((a) => a.importSp4nComplaint.id));
    expect(ids.size).toBe(1);
    const first = answers[0]?.importSp4nComplaint;
    expect(first).toMatchObject({
      channel: 'SP4N',
      nationalTrackingId,
      anonymous: true,
      version: 0,
      submittedAt: input.receivedAt,
    });
    const stream = await api.runtime.eventStore.readStream(complaintStreamName(first?.id ?? ''));
    expect(stream.map((e) => e.type)).toEqual(['ComplaintSubmitted']);

    // A later retry answers the same complaint and writes nothing.
    const retry = await api.client.ok<{ importSp4nComplaint: Imported }>(IMPORT, { input }, sp4n);
    expect(retry.importSp4nComplaint.id).toBe(first?.id);
    expect(await api.runtime.eventStore.readStream(complaintStreamName(first?.id ?? ''))).toHaveLength(1);

    // The read model keeps the national id.
    const shown = await eventually(async () => {
      const { complaint } = await api.client.ok<{ complaint: { nationalTrackingId: string | null } | null }>(
        COMPLAINT.replace('complaint(id: $id) {', 'complaint(id: $id) { nationalTrackingId'),
        { id: first?.id },
        operator,
      );
      return complaint ?? undefined;
    });
    expect(shown.nationalTrackingId).toBe(nationalTrackingId);
  });

  it('is for the SP4N integration only, and checks the record', async () => {
    const input = record(`LAPOR-${randomUUID()}`);
    expect(onlyError(await api.client.request(IMPORT, { input }, operator)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await api.client.request(IMPORT, { input })).extensions?.code).toBe('UNAUTHENTICATED');
    const future = { ...input, receivedAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect(onlyError(await api.client.request(IMPORT, { input: future }, sp4n)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const badId = { ...input, nationalTrackingId: 'no spaces allowed' };
    expect(onlyError(await api.client.request(IMPORT, { input: badId }, sp4n)).extensions?.code).toBe('BAD_USER_INPUT');
  });
});
