import { DataSource } from 'typeorm';
import { ComplaintSummaryEntity } from './complaint-summary/complaint-summary.entity.js';
import { ComplaintWorkflowEntity } from './complaint-workflow/complaint-workflow.entity.js';
import { EscalationEntity } from './escalation/escalation.entity.js';
import { CreateReadModels1764000000000 } from './migrations/1764000000000-create-read-models.js';
import { CreateWorkflowReadModels1765000000000 } from './migrations/1765000000000-create-workflow-read-models.js';
import { CreateEscalationAcknowledgements1766000000000 } from './migrations/1766000000000-create-escalation-acknowledgements.js';
import { CreateComplaintStatusChanges1767000000000 } from './migrations/1767000000000-create-complaint-status-changes.js';
import { CreateIdempotencyKeys1766500000000 } from './migrations/1766500000000-create-idempotency-keys.js';
import { AddOmbudsmanExaminationFacts1768000000000 } from './migrations/1768000000000-add-ombudsman-examination-facts.js';
import { DropWorkflowState1769000000000 } from './migrations/1769000000000-drop-workflow-state.js';
import { ProjectionCheckpointEntity } from './projector/projection-checkpoint.entity.js';

export const READ_MODEL_ENTITIES = [
  ComplaintSummaryEntity,
  EscalationEntity,
  ProjectionCheckpointEntity,
  ComplaintWorkflowEntity,
];
export const READ_MODEL_MIGRATIONS = [
  CreateReadModels1764000000000,
  CreateWorkflowReadModels1765000000000,
  CreateEscalationAcknowledgements1766000000000,
  CreateIdempotencyKeys1766500000000,
  CreateComplaintStatusChanges1767000000000,
  AddOmbudsmanExaminationFacts1768000000000,
  DropWorkflowState1769000000000,
];

/** TypeORM on the read-model database. The schema comes from migrations only, never `synchronize`. */
export function createReadModelDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'read_model_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize, application_name: 'aduan-read-models' },
  });
}

/** Runs pending migrations; an advisory lock keeps two starting instances from racing. */
export async function migrateReadModels(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('aduan-read-model-migrations'))`);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('aduan-read-model-migrations'))`);
    }
  } finally {
    await runner.release();
  }
}
