import { START, type Checkpoint } from '#aduan/event-store';
import type { SqlExecutor } from '../projection.js';

export interface StoredCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly ordinal: number;
  readonly projectionsVersion: string;
}

export async function readCheckpoint(sql: SqlExecutor, name: string, lock = false): Promise<StoredCheckpoint | null> {
  const { rows } = await sql.query<{ checkpoint: string; ordinal: number; projections_version: string }>(
    `SELECT checkpoint, ordinal, projections_version FROM projection_checkpoint WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
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

export const initialCheckpoint = (projectionsVersion: string): StoredCheckpoint => ({
  checkpoint: START,
  ordinal: 0,
  projectionsVersion,
});
