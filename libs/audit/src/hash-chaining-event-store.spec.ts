import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, type NewEvent } from '#aduan/event-store';
import { describeEventStoreContract } from '#aduan/event-store/testing';
import { HASH_KEY, PREVIOUS_HASH_KEY } from './event-hash.js';
import { HashChainingEventStore } from './hash-chaining-event-store.js';
import { verifyStream } from './verify-chain.js';

describeEventStoreContract(
  'HashChainingEventStore over InMemoryEventStore',
  async () => {
    const store = new HashChainingEventStore(new InMemoryEventStore());
    return { store, teardown: () => store.close() };
  },
  { addedMetadataKeys: [HASH_KEY, PREVIOUS_HASH_KEY] },
);

const anEvent = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'ComplaintForwarded',
  data: { n, nested: { b: 2, a: [1, 'x'] } },
  metadata: {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'operator-1', role: 'operator', agencyCode: null },
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    schemaVersion: 1,
  },
});

describe('hash chain on append', () => {
  it('links every event to the one before it, across appends and whatever the expectation', async () => {
    const store = new HashChainingEventStore(new InMemoryEventStore());
    const stream = `complaint-${randomUUID()}`;
    await store.append(stream, [anEvent(0), anEvent(1)], 'no-stream');
    await store.append(stream, [anEvent(2)], 1);
    await store.append(stream, [anEvent(3)], 'any');
    await store.append(stream, [anEvent(4)], 'stream-exists');
    const events = await store.readStream(stream);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(events[0]?.metadata[PREVIOUS_HASH_KEY]).toBeNull();
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.metadata[PREVIOUS_HASH_KEY]).toBe(events[i - 1]?.metadata[HASH_KEY]);
    }
    expect(verifyStream(events)).toMatchObject({ ok: true, events: 5, firstBroken: null });
  });

  it('chains correctly when another writer (another process) appended since this one last read', async () => {
    const shared = new InMemoryEventStore();
    const one = new HashChainingEventStore(shared);
    const two = new HashChainingEventStore(shared);
    const stream = `complaint-${randomUUID()}`;
    await one.append(stream, [anEvent(0)], 'no-stream');
    await two.append(stream, [anEvent(1)], 0);
    await one.append(stream, [anEvent(2)], 1); // one's remembered head (revision 0) is stale: it reads revision 1
    await two.append(stream, [anEvent(3)], 'any');
    expect(verifyStream(await shared.readStream(stream)).ok).toBe(true);
  });

  it('answers a retried append with the original result and an unchanged chain', async () => {
    const store = new HashChainingEventStore(new InMemoryEventStore());
    const stream = `complaint-${randomUUID()}`;
    const first = [anEvent(0)];
    const original = await store.append(stream, first, 'no-stream');
    await store.append(stream, [anEvent(1)], 0);
    expect(await store.append(stream, first, 'no-stream')).toEqual(original);
    expect(verifyStream(await store.readStream(stream))).toMatchObject({ ok: true, events: 2 });
  });
});
