import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { complaintStreamName } from '#aduan/complaints';
import { PostgresEventStore } from '#aduan/event-store';
import type { Lifecycle } from '../app/sample-lifecycle.js';
import { stampComplaint } from '../app/stamp-complaint.js';

/** The writers compared in section 3 and 4; each writes a new complaint per commit. */
export type WriterKind = 'insert' | 'aduan' | 'emmett';

/** A writer with a pool of one connection per concurrent caller. */
export interface Writer {
  append(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Opens a writer of the given kind. Every kind writes the same event (the API's ComplaintSubmitted,
 * re-stamped for a new complaint) through a pool as large as the number of callers, so the only
 * difference between them is the work each does per commit.
 */
export function openWriter(kind: WriterKind, url: string, writers: number, event: Lifecycle[number]): Promise<Writer> {
  switch (kind) {
    case 'insert':
      return insertWriter(url, writers, event);
    case 'aduan':
      return aduanWriter(url, writers, event);
    case 'emmett':
      return emmettWriter(url, writers, event);
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
