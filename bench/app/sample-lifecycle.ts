import { complaintStreamName } from '#aduan/complaints';
import { PostgresEventStore, type NewEvent } from '#aduan/event-store';
import type { BenchApp } from './bench-app.js';
import { callGraphQL } from './graphql-client.js';
import { ESCALATE, FORWARD, RESPOND, SUBMIT } from './graphql-documents.js';

/** One complaint's events as the API wrote them, minus ids: the pattern bulk data is stamped from. */
export type Lifecycle = readonly Omit<NewEvent, 'id'>[];

const AGENCY = 'KAB-BANJAR-DINKES';

/**
 * Drives one complaint through submit, forward, respond and escalate over GraphQL and reads back
 * the events the API stored. Bulk data and append workloads copy these, so they carry exactly what
 * the current code writes (fields, metadata, sizes) without the benchmark restating any event shape.
 */
export async function recordLifecycle(app: BenchApp, databaseUrl: string): Promise<Lifecycle> {
  const operator = await app.token({ sub: 'bench-operator', role: 'operator' });
  const officer = await app.token({ sub: 'bench-officer', role: 'agency_officer', agency: AGENCY });
  const submitted = await callGraphQL<{ submitComplaint: { id: string } }>(
    app.graphqlUrl,
    SUBMIT.query,
    SUBMIT.variables,
  );
  const complaintId = submitted.submitComplaint.id;
  await callGraphQL(app.graphqlUrl, FORWARD, { input: { complaintId, toAgencyCode: AGENCY } }, operator);
  await callGraphQL(
    app.graphqlUrl,
    RESPOND,
    { input: { complaintId, message: 'Jam layanan sudah dipulihkan.' } },
    officer,
  );
  await callGraphQL(
    app.graphqlUrl,
    ESCALATE,
    { input: { complaintId, reason: 'Jawaban tidak menyelesaikan masalah' } },
    operator,
  );
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, maxConnections: 1 });
  try {
    const events = await store.readStream(complaintStreamName(complaintId));
    return events.map(({ type, data, metadata }) => ({ type, data, metadata }));
  } finally {
    await store.close();
  }
}
