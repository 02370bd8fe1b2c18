import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent } from '#aduan/event-store';
import { createPool, startTestPostgres, type TestPostgres } from '#aduan/postgres';
import { replayCommand } from './replay.command.js';

const quiet = { log: () => undefined, error: () => undefined };

const event = (
  type: string,
  data: Record<string, unknown>,
  occurredAt: string,
  actor: NewEvent['metadata']['actor'],
): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor, occurredAt, schemaVersion: 1 },
});

describe('npm run cli -- replay', () => {
  let postgres: TestPostgres;
  let databaseUrl: string;
  const id = randomUUID();

  beforeAll(async () => {
    postgres = await startTestPostgres();
    databaseUrl = await postgres.createDatabase();
    const pool = createPool({ connectionString: databaseUrl, max: 2 });
    const store = new PostgresEventStore(pool);
    await store.migrate();
    await store.append(
      `complaint-${id}`,
      [
        event(
          'ComplaintSubmitted',
          {
            complaintId: id,
            trackingCode: 'LPR-AAAA-BBBB-CCCC',
            title: 'Air PDAM mati',
            description: 'Air PDAM mati tiga hari di Kendari Barat.',
            complaintType: 'COMPLAINT',
            channel: 'WHATSAPP',
            requestedAgencyCode: 'KOTA-KENDARI',
            anonymous: false,
            confidential: true,
            reporter: { name: 'Wa Ode', email: null, phone: '081234567890' },
            reporterId: 'citizen-9',
            receivedAt: '2026-03-02T01:00:00.000Z',
            dueAt: '2026-03-16T01:00:00.000Z',
          },
          '2026-03-02T01:00:00.000Z',
          { id: 'citizen-9', role: 'citizen', agencyCode: null },
        ),
        event(
          'ComplaintForwarded',
          {
            complaintId: id,
            fromAgencyCode: null,
            toAgencyCode: 'KOTA-KENDARI',
            note: 'Segera',
            forwardedAt: '2026-03-02T03:00:00.000Z',
          },
          '2026-03-02T03:00:00.000Z',
          { id: 'operator-1', role: 'operator', agencyCode: null },
        ),
      ],
      'no-stream',
    );
    await store.close();
    await pool.end();
  });
  afterAll(() => postgres?.stop());

  const run = async (args: string[]) => {
    const lines: string[] = [];
    await replayCommand(args, quiet, (line) => lines.push(line), { DATABASE_URL: databaseUrl });
    return lines.join('\n');
  };

  it('prints the history as a timeline, hiding the reporter unless asked', async () => {
    const output = await run(['--complaint', id]);
    expect(output).toContain('2026-03-02 01:00:00 UTC  #0   ComplaintSubmitted   by citizen citizen-9');
    expect(output).toContain('LPR-AAAA-BBBB-CCCC COMPLAINT via WHATSAPP: "Air PDAM mati" to KOTA-KENDARI');
    expect(output).toContain('[confidential]');
    expect(output).toContain('triage → KOTA-KENDARI: "Segera"');
    expect(output).toContain('now: FORWARDED at version 1');
    expect(output).not.toContain('Wa Ode');
    expect(await run(['--complaint', id, '--show-reporter'])).toContain('reporter: Wa Ode · 081234567890');
  });

  it('says so when the complaint does not exist, and refuses a malformed id', async () => {
    await expect(run(['--complaint', randomUUID()])).rejects.toThrow(/no complaint has the id/);
    await expect(run(['--complaint', 'nope'])).rejects.toThrow(/must be a complaint id/);
  });
});
