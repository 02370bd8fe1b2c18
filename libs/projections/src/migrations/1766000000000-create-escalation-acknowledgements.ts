import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Ombudsman feed with acknowledgement: each escalation gets the id of its ComplaintEscalated
 * event (stable across rebuilds), and offices record what they have received in a table of their
 * own. `escalation_acknowledgement` belongs to no projection, so a rebuild never empties it.
 */
export class CreateEscalationAcknowledgements1766000000000 implements MigrationInterface {
  name = 'CreateEscalationAcknowledgements1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The escalation projection moved to version 2, so the projector rebuilds the table from the
    // first event at its next start; emptying it here lets the new column be NOT NULL.
    await queryRunner.query(`DELETE FROM escalation`);
    await queryRunner.query(`ALTER TABLE escalation ADD COLUMN event_id uuid NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX escalation_event_id ON escalation (event_id)`);
    await queryRunner.query(`
      CREATE TABLE escalation_acknowledgement (
        office text NOT NULL,
        escalation_id uuid NOT NULL,
        acknowledged_by text NOT NULL,
        acknowledged_at timestamptz NOT NULL,
        PRIMARY KEY (office, escalation_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE escalation_acknowledgement`);
    await queryRunner.query(`DROP INDEX escalation_event_id`);
    await queryRunner.query(`ALTER TABLE escalation DROP COLUMN event_id`);
  }
}
