import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { complaintStreamName } from '#aduan/complaints';
import { PostgresEventStore } from '#aduan/event-store';
import type { Lifecycle } from '../app/sample-lifecycle.js';
import { stampComplaint } from '../app/stamp-complaint.js';

/**
 * The writers compared in sections 3 and 4. Each writes one event per commit: a new complaint, except
 * `aduan-existing`, which extends complaints that exist, at their head revision.
 */
export type WriterKind = 'insert' | 'aduan' | 'aduan-existing' | 'emmett';

/** A writer with a pool of one connection per concurrent caller. */
export interface Writer {
  append(): Promise<unknown>;
  close(): Promise<void>;
}

/** Streams each caller of an `aduan-existing` writer has of its own, created before the load. */
const EXISTING_STREAMS_PER_CALLER = 20;

/**
 * Opens a writer of the given kind. Every kind but `aduan-existing` writes the same event (the API's
 * ComplaintSubmitted, re-stamped for a new complaint) through a pool as large as the number of
 * callers, so the only difference between them is the work each does per commit.
 */
export function openWriter(kind: WriterKind, url: string, writers: number, lifecycle: Lifecycle): Promise<Writer> {
  const submitted = lifecycle[0]!;
  switch (kind) {
    case 'insert':
      return insertWriter(url, writers, submitted);
    case 'aduan':
      return aduanWriter(url, writers, submitted);
    case 'aduan-existing':
      return aduanExistingWriter(url, writers, submitted, lifecycle[1]!);
    case 'emmett':
      return emmettWriter(url, writers, submitted);
  }
}

/** Ceiling B: one durable single-row INSERT per commit (autocommit), with the event's columns. */
async function insertWriter(url: string, writers: number, event: Lifecycle[number]): Promise<Writer> {
  const pool = new pg.Pool({ connectionString: url, max: writers });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_insert_ceiling (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id uuid NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
  return {
    append: () => {
      const { id, data, metadata } = stampComplaint(event, randomUUID());
      return pool.query({
        name: 'bench_insert_ceiling',
        text: 'INSERT INTO bench_insert_ceiling (event_id, data, metadata) VALUES ($1, $2, $3)',
        values: [id, JSON.stringify(data), JSON.stringify(metadata)],
      });
    },
    close: () => pool.end(),
  };
}

/** Aduan's event-store port: one append of one event to a new stream. */
async function aduanWriter(url: string, writers: number, event: Lifecycle[number]): Promise<Writer> {
  const store = await PostgresEventStore.connect({ connectionString: url, maxConnections: writers });
  return {
    append: () => {
      const complaintId = randomUUID();
      return store.append(complaintStreamName(complaintId), [stampComplaint(event, complaintId)], 'no-stream');
    },
    close: () => store.close(),
  };
}

/**
 * Aduan's port appending to complaints that exist, with the head as expected revision (what every
 * command after the submit does): the complaint's next recorded event, one per append. Streams are
 * handed out from an idle queue, so no two callers append to one stream at once and none is refused.
 */
async function aduanExistingWriter(
  url: string,
  writers: number,
  submitted: Lifecycle[number],
  next: Lifecycle[number],
): Promise<Writer> {
  const store = await PostgresEventStore.connect({ connectionString: url, maxConnections: writers });
  const idle: { complaintId: string; head: number }[] = [];
  for (let created = 0; created < writers * EXISTING_STREAMS_PER_CALLER; created++) {
    const complaintId = randomUUID();
    await store.append(complaintStreamName(complaintId), [stampComplaint(submitted, complaintId)], 'no-stream');
    idle.push({ complaintId, head: 0 });
  }
  return {
    append: async () => {
      const stream = idle.shift()!;
      try {
        const { complaintId, head } = stream;
        const result = await store.append(complaintStreamName(complaintId), [stampComplaint(next, complaintId)], head);
        stream.head = result.nextExpectedRevision;
      } finally {
        idle.push(stream);
      }
    },
    close: () => store.close(),
  };
}

/** Emmett 0.42's PostgreSQL event store, the same event with the same expectation (a new stream). */
async function emmettWriter(url: string, writers: number, event: Lifecycle[number]): Promise<Writer> {
  const pool = new pg.Pool({ connectionString: url, max: writers });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  return {
    append: () => {
      const complaintId = randomUUID();
      const { type, data, metadata } = stampComplaint(event, complaintId);
      return store.appendToStream(complaintStreamName(complaintId), [{ type, data, metadata: { ...metadata } }], {
        expectedStreamVersion: STREAM_DOES_NOT_EXIST,
      });
    },
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}
