import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbound change feed for SP4N-LAPOR!: one row per status change, in global order. */
export class CreateComplaintStatusChanges1767000000000 implements MigrationInterface {
  name = 'CreateComplaintStatusChanges1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaint_status_change (
        ordinal bigint PRIMARY KEY,
        complaint_id uuid NOT NULL,
        national_tracking_id text,
        tracking_code text NOT NULL,
        previous_status text,
        new_status text NOT NULL,
        event_type text NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaint_status_change`);
  }
}
