import type { EventStore } from '#aduan/event-store';
import type { Pool } from '#aduan/postgres';
import { complaintSummaryProjection, escalationProjection, Projector } from '#aduan/projections';
import type { Logger } from './logger.js';

/** The projector over every read model the API serves; the CLI rebuilds with the same one. */
export const createReadModelProjector = (store: EventStore, pool: Pool, logger: Logger): Projector =>
  new Projector({
    store,
    pool,
    projections: [complaintSummaryProjection((m) => logger.log(m)), escalationProjection()],
    log: (message) => logger.log(message),
  });
