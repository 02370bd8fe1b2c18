import { createServer } from 'node:net';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { START } from '../event-store.port.js';
import { rejectionOf, testEvent, uniqueStreamName } from '../testing/index.js';
import { createKurrentDbEventStore } from './create-kurrentdb-event-store.js';
import { isTransient } from './error-mapping.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

/** A local port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The real client, pointed at a node that is not there: what a KurrentDB outage looks like to the adapter. */
describe('createKurrentDbEventStore (real client, no server)', () => {
  let connectionString: string;

  beforeAll(async () => {
    connectionString = `kurrentdb://127.0.0.1:${await closedPort()}?tls=false&maxDiscoverAttempts=1&discoveryInterval=10`;
  });

  it('builds the store from a connection string without connecting yet', async () => {
    const store = createKurrentDbEventStore(connectionString);

    expect(store).toBeInstanceOf(KurrentDbEventStore);
    await store.close();
  });

  it('refuses a connection string it cannot parse', () => {
    expect(() => createKurrentDbEventStore('postgres://localhost:5432/aduan')).toThrow();
  });

  it('fails reads and appends with errors the subscription treats as transient', async () => {
    const store = createKurrentDbEventStore(connectionString);

    const read = await rejectionOf(store.readStream(uniqueStreamName()));
    const readAll = await rejectionOf(store.readAll(START, 10));
    const append = await rejectionOf(store.append(uniqueStreamName(), [testEvent()], 'no-stream'));
    await store.close();

    expect(read).toBeInstanceOf(UnavailableError);
    expect(readAll).toBeInstanceOf(UnavailableError);
    // The gRPC append path rejects with a raw gRPC error (code 14), not the client's UnavailableError.
    expect(append).toMatchObject({ code: 14 });
    for (const error of [read, readAll, append]) expect(isTransient(error)).toBe(true);
  });

  it('retries a subscription that cannot connect, then gives up with the client’s error', async () => {
    const errors: unknown[] = [];
    const store = createKurrentDbEventStore(connectionString, {
      retry: { initialDelayMs: 5, maxDelayMs: 10 },
      maxSubscriptionAttempts: 2,
      onError: (error) => errors.push(error),
    });

    const subscription = store.subscribe(START, { onEvents: async () => undefined });

    expect(await rejectionOf(subscription.done)).toBeInstanceOf(UnavailableError);
    expect(errors).toHaveLength(2);
    expect(errors.every((error) => error instanceof UnavailableError)).toBe(true);
    await store.close();
  }, 15_000);
});
