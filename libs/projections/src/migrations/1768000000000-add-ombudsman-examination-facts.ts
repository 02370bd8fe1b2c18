import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Ombudsman's examination in the statistics facts (docs/workflow.md). The defaults are the right
 * values for every complaint folded before: none holds an examination event, so no rebuild is needed.
 */
export class AddOmbudsmanExaminationFacts1768000000000 implements MigrationInterface {
  name = 'AddOmbudsmanExaminationFacts1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE complaint_workflow
        ADD COLUMN ombudsman_decision text,
        ADD COLUMN recommended boolean NOT NULL DEFAULT false,
        ADD COLUMN recommendation_implemented boolean NOT NULL DEFAULT false,
        ADD COLUMN recommendation_overdue boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE complaint_workflow
        DROP COLUMN ombudsman_decision,
        DROP COLUMN recommended,
        DROP COLUMN recommendation_implemented,
        DROP COLUMN recommendation_overdue`);
  }
}
