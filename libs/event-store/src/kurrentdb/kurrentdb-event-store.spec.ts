import { describeEventStoreContract } from '../testing/index.js';
import { createKurrentDbEventStore } from './create-kurrentdb-event-store.js';

const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

if (!connectionString) {
  // Reported as skipped, not dropped: the suite needs a running KurrentDB, e.g. `docker compose up -d
  // kurrentdb` and KURRENTDB_CONNECTION_STRING=kurrentdb://localhost:2113?tls=false. Without a server,
  // the adapter's logic is covered by kurrentdb-event-store.simulated.spec.ts and the mapping specs.
  process.stdout.write('KurrentDB contract suite skipped: KURRENTDB_CONNECTION_STRING is not set\n');
}

(connectionString ? describe : describe.skip)('KurrentDB adapter (needs KURRENTDB_CONNECTION_STRING)', () => {
  describeEventStoreContract(
    'KurrentDB',
    async () => {
      const store = createKurrentDbEventStore(connectionString ?? '');
      return { store, teardown: () => store.close() };
    },
    { eventIdsUniqueAcrossStreams: false },
  );
});
