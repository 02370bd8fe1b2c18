import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent } from '#aduan/event-store';
import { createPool, startTestPostgres, type Pool, type TestPostgres } from '#aduan/postgres';
import { publishAnchor } from './anchors.js';
import { HashChainingEventStore } from './hash-chaining-event-store.js';
import { verifyStore } from './verify-store.js';

const operator = { id: 'operator-1', role: 'operator', agencyCode: null };

const anEvent = (n: number): NewEvent => ({
  id: randomUUID(),
  type: n === 0 ? 'ComplaintSubmitted' : 'ComplaintForwarded',
  data: { n, toAgencyCode: 'KAB-BANJAR-DINKES' },
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: operator,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    schemaVersion: 1,
  },
});

describe('tamper evidence on a real PostgreSQL', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  afterAll(() => postgres?.stop());

  /** A fresh database with three chained streams of four events each. */
  async function storeWithHistory(): Promise<{ pool: Pool; store: HashChainingEventStore; streams: string[] }> {
    const pool = createPool({ connectionString: await postgres.createDatabase(), max: 4 });
    const inner = new PostgresEventStore(pool);
    await inner.migrate();
    const store = new HashChainingEventStore(inner);
    const streams = [0, 1, 2].map(() => `complaint-${randomUUID()}`);
    for (const stream of streams) {
      await store.append(stream, [anEvent(0)], 'no-stream');
      for (let n = 1; n < 4; n++) await store.append(stream, [anEvent(n)], n - 1);
    }
    return { pool, store, streams };
  }

  it('finds nothing wrong in an untouched store', async () => {
    const { pool, store } = await storeWithHistory();
    await publishAnchor(store, operator, new Date());
    expect(await verifyStore(store)).toEqual({
      ok: true,
      events: 13,
      streams: 4,
      brokenLinks: [],
      anchorMismatches: [],
    });
    await pool.end();
  });

  it('names the first broken link when one stored event is edited with raw SQL', async () => {
    const { pool, store, streams } = await storeWithHistory();
    await pool.query(
      `UPDATE events SET data = jsonb_set(data, '{toAgencyCode}', '"KOTA-KENDARI"') WHERE stream_name = $1 AND stream_revision = 2`,
      [streams[1]],
    );
    const result = await verifyStore(store);
    expect(result.ok).toBe(false);
    expect(result.brokenLinks).toEqual([
      { streamName: streams[1], revision: 2, eventId: expect.any(String), reason: 'content-changed' },
    ]);
    await pool.end();
  });

  it('names the gap when one stored event is deleted', async () => {
    const { pool, store, streams } = await storeWithHistory();
    await pool.query(`DELETE FROM events WHERE stream_name = $1 AND stream_revision = 1`, [streams[0]]);
    expect((await verifyStore(store)).brokenLinks).toEqual([
      { streamName: streams[0], revision: 2, eventId: expect.any(String), reason: 'revision-gap' },
    ]);
    await pool.end();
  });

  it('detects a deleted last event, and a rewritten chain, against the published anchor', async () => {
    const { pool, store, streams } = await storeWithHistory();
    await publishAnchor(store, operator, new Date());
    await pool.query(`DELETE FROM events WHERE stream_name = $1 AND stream_revision = 3`, [streams[2]]);
    // A forger with database access rewrites a whole stream with a valid chain of their own.
    await pool.query(`DELETE FROM events WHERE stream_name = $1`, [streams[0]]);
    const forger = new HashChainingEventStore(new PostgresEventStore(pool));
    await forger.append(streams[0]!, [0, 1, 2, 3].map(anEvent), 'no-stream');

    const result = await verifyStore(store);
    expect(result.brokenLinks).toEqual([]);
    expect(result.anchorMismatches).toEqual(
      expect.arrayContaining([
        { streamName: streams[2], revision: 3, reason: 'truncated' },
        { streamName: streams[0], revision: 3, reason: 'anchored-hash-changed' },
      ]),
    );
    expect(result.ok).toBe(false);
    await pool.end();
  });

  it('anchors only the streams that moved since the previous anchor', async () => {
    const { pool, store, streams } = await storeWithHistory();
    expect((await publishAnchor(store, operator, new Date())).streams).toBe(3);
    expect((await publishAnchor(store, operator, new Date())).streams).toBe(0);
    await store.append(streams[1]!, [anEvent(4)], 3);
    expect((await publishAnchor(store, operator, new Date())).streams).toBe(1);
    expect((await verifyStore(store)).ok).toBe(true);
    await pool.end();
  });
});
