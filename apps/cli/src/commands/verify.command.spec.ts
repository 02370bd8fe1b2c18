import { randomUUID } from 'node:crypto';
import { HashChainingEventStore } from '#aduan/audit';
import { PostgresEventStore, type NewEvent } from '#aduan/event-store';
import { createPool, startTestPostgres, type TestPostgres } from '#aduan/postgres';
import { anchorCommand } from './anchor.command.js';
import { verifyCommand } from './verify.command.js';

const quiet = { log: () => undefined, error: () => undefined };

const anEvent = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'ComplaintForwarded',
  data: { n },
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'operator-1', role: 'operator', agencyCode: null },
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    schemaVersion: 1,
  },
});

describe('npm run cli -- verify / anchor', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  afterAll(() => postgres?.stop());

  it('passes an intact store, then names the first broken link after an edit', async () => {
    const databaseUrl = await postgres.createDatabase();
    const pool = createPool({ connectionString: databaseUrl, max: 2 });
    const inner = new PostgresEventStore(pool);
    await inner.migrate();
    const store = new HashChainingEventStore(inner);
    const id = randomUUID();
    await store.append(`complaint-${id}`, [anEvent(0), anEvent(1), anEvent(2)], 'no-stream');

    const env = { DATABASE_URL: databaseUrl };
    const run = async (command: typeof verifyCommand, args: string[]) => {
      const lines: string[] = [];
      const ok = await command(args, quiet, (line) => lines.push(line), env);
      return { ok, output: lines.join('\n') };
    };
    const anchored: string[] = [];
    await anchorCommand([], quiet, (line) => anchored.push(line), env);
    expect(anchored).toEqual(['anchored 1 stream heads']);
    expect(await run(verifyCommand, [])).toEqual({
      ok: true,
      output: 'ok: 4 events in 2 streams, every chain and anchor holds',
    });
    expect((await run(verifyCommand, ['--complaint', id])).output).toMatch(
      /^ok: complaint-.*, 3 events, head hash [0-9a-f]{64}$/,
    );

    await pool.query(
      `UPDATE events SET metadata = jsonb_set(metadata, '{actor,id}', '"someone-else"') WHERE stream_revision = 1 AND stream_name = $1`,
      [`complaint-${id}`],
    );
    const all = await run(verifyCommand, []);
    expect(all.ok).toBe(false);
    expect(all.output).toContain(`BROKEN complaint-${id} at revision 1`);
    expect(all.output).toContain('content-changed');
    expect((await run(verifyCommand, ['--complaint', id])).ok).toBe(false);
    await pool.end();
  });
});
