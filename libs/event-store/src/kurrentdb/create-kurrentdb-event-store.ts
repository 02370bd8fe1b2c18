import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';

/**
 * The KurrentDB event store for a connection string, as configured by `KURRENTDB_CONNECTION_STRING`:
 * `kurrentdb://host:2113?tls=false` for one insecure node; `kurrentdb://a:2113,b:2113,c:2113?nodePreference=leader`
 * for a cluster found through those gossip seeds; `kurrentdb+discover://cluster-name:2113` for a cluster found
 * through one DNS name (this client uses only the first host of a `+discover` string).
 * The client connects lazily: a wrong address shows on the first call, not here.
 * @throws Error when the connection string cannot be parsed.
 */
export function createKurrentDbEventStore(
  connectionString: string,
  options: KurrentDbEventStoreOptions = {},
): KurrentDbEventStore {
  return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
}
