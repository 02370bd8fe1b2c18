import type { EventStore } from '#aduan/event-store';
import type { Pool } from '#aduan/postgres';
import {
  ComplaintStates,
  complaintChangesProjection,
  complaintSummaryProjection,
  complaintWorkflowProjection,
  escalationProjection,
  Projector,
  type Projection,
  type ProjectorStatus,
} from '#aduan/projections';
import { NO_FAULTS, type FaultInjector } from './fault-injection.js';
import type { Logger } from './logger.js';

export interface ReadModelProjectorOptions {
  /** Crash tests: the projector dies after writing a batch's read models, before its checkpoint. */
  readonly faults?: FaultInjector;
  /** Told the projector's status at every change (the worker thread reports it to the API). */
  readonly onStatus?: (status: ProjectorStatus) => void;
}

/**
 * Every read model the API serves, in the order the projector applies them to each batch. The
 * complaint read models share one fold of each batch (one `evolve` per event, one read of stored
 * states), so they cannot disagree about a complaint.
 */
export const readModelProjections = (logger: Logger): Projection[] => {
  const states = new ComplaintStates({ log: (m) => logger.log(`complaint read models: ${m}`) });
  return [
    complaintChangesProjection((m) => logger.log(m), states),
    complaintSummaryProjection((m) => logger.log(m), states),
    escalationProjection(),
    complaintWorkflowProjection((m) => logger.log(m), states),
  ];
};

/** The projector over every read model the API serves; the CLI rebuilds with the same one. */
export const createReadModelProjector = (
  store: EventStore,
  pool: Pool,
  logger: Logger,
  options: ReadModelProjectorOptions = {},
): Projector =>
  new Projector({
    store,
    pool,
    projections: withFaultPoint(readModelProjections(logger), options.faults ?? NO_FAULTS),
    log: (message) => logger.log(message),
    onStatus: options.onStatus,
  });

/**
 * The projector applies each projection of a batch in order and then writes its checkpoint, in one
 * transaction; the fault point follows the last projection, so an injected crash lands between the
 * read-model writes and the checkpoint. Everything else (name, version, tables) is inherited, so the
 * projections' fingerprint is unchanged and nothing is rebuilt.
 */
export function withFaultPoint(projections: Projection[], faults: FaultInjector): Projection[] {
  if (!faults.armed) return projections;
  const last = projections.at(-1);
  if (!last) return projections;
  const apply: Projection['apply'] = async (sql, events) => {
    await last.apply(sql, events);
    faults.reached('projector-after-apply');
  };
  // prepare and reset are inherited from the wrapped projection.
  const wrapped = Object.create(last, { apply: { value: apply, enumerable: true } }) as Projection;
  return [...projections.slice(0, -1), wrapped];
}
