import { START, type Checkpoint } from '#aduan/event-store';
import type { SqlExecutor } from '../projection.js';

export interface StoredCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly ordinal: number;
  readonly projectionsVersion: string;
}

export async function readCheckpoint(sql: SqlExecutor, name: string): Promise<StoredCheckpoint | null> {
  const { rows } = await sql.query<{ checkpoint: string; ordinal: number; projections_version: string }>(
    'SELECT checkpoint, ordinal, projections_version FROM projection_checkpoint WHERE name = $1',
    [name],
  );
  const row = rows[0];
  return row
    ? {
        checkpoint: row.checkpoint as Checkpoint,
        ordinal: Number(row.ordinal),
        projectionsVersion: row.projections_version,
      }
    : null;
}

export async function writeCheckpoint(sql: SqlExecutor, name: string, value: StoredCheckpoint): Promise<void> {
  await sql.query(
    `INSERT INTO projection_checkpoint (name, checkpoint, ordinal, projections_version, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (name) DO UPDATE SET checkpoint = excluded.checkpoint, ordinal = excluded.ordinal,
       projections_version = excluded.projections_version, updated_at = excluded.updated_at`,
    [name, value.checkpoint, value.ordinal, value.projectionsVersion],
  );
}

/**
 * Moves the checkpoint from `expected` to `next` in one statement, and answers whether it did: a
 * false means another writer moved it (or removed the row) since this projector last wrote it. In
 * the batch's transaction, a concurrent writer's uncommitted move makes this wait for its outcome.
 */
export async function compareAndSetCheckpoint(
  sql: SqlExecutor,
  name: string,
  expected: Checkpoint,
  next: StoredCheckpoint,
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE projection_checkpoint
        SET checkpoint = $2, ordinal = $3, projections_version = $4, updated_at = now()
      WHERE name = $1 AND checkpoint = $5`,
    [name, next.checkpoint, next.ordinal, next.projectionsVersion, expected],
  );
  return rowCount === 1;
}

export const initialCheckpoint = (projectionsVersion: string): StoredCheckpoint => ({
  checkpoint: START,
  ordinal: 0,
  projectionsVersion,
});
