import type { DatabaseTimeouts } from '#aduan/postgres';
import type { ProjectorStatus } from '#aduan/projections';
import type { AppConfig } from '../app-config.js';
import type { FaultInjectionPlan } from '../fault-injection.js';

/** What the worker needs to build the projector the API would build in-process (structured-cloneable). */
export interface ProjectorThreadSettings {
  readonly databaseUrl: string;
  readonly eventStore: AppConfig['eventStore'];
  readonly kurrentDbConnectionString: string | null;
  readonly databaseTimeouts: DatabaseTimeouts;
  /** Given to the first worker of a process only: a planned fault fires once, not after every restart. */
  readonly faultInjection: FaultInjectionPlan | null;
  /** How often the worker reports its status even when nothing changed: the supervisor's sign of life. */
  readonly heartbeatMs: number;
}

/** Host → worker. */
export type ToProjectorThread =
  /** This process appended events: read now instead of at the next poll. */
  | { readonly kind: 'appended' }
  /** Commit the batch in hand, release leadership, close connections, end the thread. */
  | { readonly kind: 'stop' };

/** Worker → host. */
export type FromProjectorThread =
  | { readonly kind: 'status'; readonly status: ProjectorStatus }
  | { readonly kind: 'log'; readonly level: 'log' | 'error'; readonly message: string };
