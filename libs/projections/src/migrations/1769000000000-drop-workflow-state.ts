import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * complaint_workflow no longer keeps the complaint's state document: the projections of a batch fold
 * each complaint once, from complaint_summary's document (written in the same transaction, so always
 * at the same revision). Nothing else read the column; no rebuild is needed.
 */
export class DropWorkflowState1769000000000 implements MigrationInterface {
  name = 'DropWorkflowState1769000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE complaint_workflow DROP COLUMN state`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The documents are in complaint_summary at the same revision.
    await queryRunner.query(`ALTER TABLE complaint_workflow ADD COLUMN state jsonb`);
    await queryRunner.query(
      `UPDATE complaint_workflow w SET state = s.state FROM complaint_summary s WHERE s.id = w.complaint_id`,
    );
    await queryRunner.query(`ALTER TABLE complaint_workflow ALTER COLUMN state SET NOT NULL`);
  }
}
