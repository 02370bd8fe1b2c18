import { randomUUID } from 'node:crypto';
import type { ComplaintEvent } from '#aduan/complaints';
import { InMemoryEventStore } from '#aduan/event-store';
import { SYSTEM_CALLER, type Caller } from '#aduan/identity';
import { DUE_AT, forwarded, submitted } from '../../../../test/fixtures/complaint-events.js';
import { ComplaintRepository, type CommandContext } from './complaint.repository.js';

const OPERATOR: Caller = { id: 'operator-1', role: 'operator', agencyCode: null };
const context = (caller: Caller): CommandContext => ({
  caller,
  correlationId: randomUUID(),
  commandId: randomUUID(),
  now: new Date('2025-03-04T01:00:00.000Z'),
});
const warned = (complaintId: string): ComplaintEvent => ({
  type: 'ComplaintDeadlineWarned',
  data: { complaintId, kind: 'RESPONSE', dueAt: DUE_AT, agencyCode: null, warnedAt: '2025-03-03T12:00:00.000Z' },
});

describe('ComplaintRepository: a stale expectedVersion', () => {
  let store: InMemoryEventStore;
  let repository: ComplaintRepository;
  let id: string;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    repository = new ComplaintRepository(store);
    id = randomUUID();
    await repository.execute(id, null, context(OPERATOR), () => submitted(id)); // version 0
  });

  it('is decided again on the new state when only a system deadline warning came in between', async () => {
    await repository.execute(id, 0, context(SYSTEM_CALLER), () => warned(id)); // version 1
    const seen: string[] = [];
    const result = await repository.execute(id, 0, context(OPERATOR), (state) => {
      seen.push(state.status);
      return forwarded(id, 'KEMENKES');
    });
    expect(result.version).toBe(2);
    expect(result.state.status).toBe('FORWARDED');
    expect((await store.readStream(`complaint-${id}`)).map((e) => e.type)).toEqual([
      'ComplaintSubmitted',
      'ComplaintDeadlineWarned',
      'ComplaintForwarded',
    ]);
    expect(seen).toEqual(['SUBMITTED']);
  });

  it('is a CONFLICT when a person wrote in between', async () => {
    await repository.execute(id, 0, context(OPERATOR), () => forwarded(id, 'KEMENKES'));
    await expect(
      repository.execute(id, 0, context(OPERATOR), () => forwarded(id, 'KAB-BANJAR-DINKES')),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT', actualVersion: 1 } });
  });

  it('is a CONFLICT when the system wrote a decisive event (a warning then an escalation)', async () => {
    await repository.execute(id, 0, context(SYSTEM_CALLER), () => warned(id));
    const system = { ...SYSTEM_CALLER };
    await repository.execute(id, 1, context(system), () => forwarded(id, 'KEMENKES'));
    await expect(
      repository.execute(id, 0, context(OPERATOR), () => forwarded(id, 'KAB-BANJAR-DINKES')),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', actualVersion: 2 } });
  });

  it('is a CONFLICT when a warning was written by someone other than the system', async () => {
    await repository.execute(id, 0, context(OPERATOR), () => warned(id));
    await expect(repository.execute(id, 0, context(OPERATOR), () => forwarded(id, 'KEMENKES'))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('loadAt answers the complaint as it stood at a version', async () => {
    await repository.execute(id, 0, context(OPERATOR), () => forwarded(id, 'KEMENKES'));
    expect((await repository.loadAt(id, 0))?.state.status).toBe('SUBMITTED');
    expect((await repository.loadAt(id, 1))?.state.status).toBe('FORWARDED');
    expect(await repository.loadAt(id, 2)).toBeNull();
  });
});

describe('ComplaintRepository.executeNew (a complaint id just generated)', () => {
  /** Counts the stream reads a command makes. */
  class CountingStore extends InMemoryEventStore {
    reads = 0;
    override readStream(streamName: string, fromRevision?: number) {
      this.reads += 1;
      return super.readStream(streamName, fromRevision);
    }
  }

  it('decides on the empty state and appends without reading the stream first', async () => {
    const store = new CountingStore();
    const id = randomUUID();
    const seen: string[] = [];
    const result = await new ComplaintRepository(store).executeNew(id, context(OPERATOR), (state) => {
      seen.push(state.status);
      return submitted(id);
    });
    expect(seen).toEqual(['NONE']);
    expect(store.reads).toBe(0);
    expect(result.version).toBe(0);
    expect(result.state.status).toBe('SUBMITTED');
    expect((await store.readStream(`complaint-${id}`)).map((e) => e.type)).toEqual(['ComplaintSubmitted']);
  });

  it('decides again on the stored state when the stream exists after all', async () => {
    const store = new CountingStore();
    const repository = new ComplaintRepository(store);
    const id = randomUUID();
    await repository.execute(id, null, context(OPERATOR), () => submitted(id));
    const seen: string[] = [];
    const result = await repository.executeNew(id, context(OPERATOR), (state) => {
      seen.push(state.status);
      return state.status === 'NONE' ? submitted(id) : forwarded(id, 'KEMENKES');
    });
    expect(seen).toEqual(['NONE', 'SUBMITTED']);
    expect(result.version).toBe(1);
    expect((await store.readStream(`complaint-${id}`)).map((e) => e.type)).toEqual([
      'ComplaintSubmitted',
      'ComplaintForwarded',
    ]);
  });
});
