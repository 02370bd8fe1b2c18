import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModels1764000000000 implements MigrationInterface {
  name = 'CreateReadModels1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaint_summary (
        id uuid PRIMARY KEY,
        tracking_code text NOT NULL,
        status text NOT NULL,
        complaint_type text NOT NULL,
        channel text NOT NULL,
        requested_agency_code text,
        assigned_agency_code text,
        assignment_trail text[] NOT NULL DEFAULT '{}',
        reporter_id text,
        anonymous boolean NOT NULL,
        confidential boolean NOT NULL,
        submitted_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        version integer NOT NULL,
        list_order bigint NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX complaint_summary_tracking_code ON complaint_summary (tracking_code)`);
    await queryRunner.query(`CREATE UNIQUE INDEX complaint_summary_list_order ON complaint_summary (list_order)`);
    await queryRunner.query(`CREATE INDEX complaint_summary_status ON complaint_summary (status, list_order)`);
    await queryRunner.query(
      `CREATE INDEX complaint_summary_assigned ON complaint_summary (assigned_agency_code, list_order)`,
    );
    await queryRunner.query(`CREATE INDEX complaint_summary_trail ON complaint_summary USING gin (assignment_trail)`);
    await queryRunner.query(`CREATE INDEX complaint_summary_reporter ON complaint_summary (reporter_id, list_order)`);
    await queryRunner.query(`
      CREATE TABLE escalation (
        feed_order bigint PRIMARY KEY,
        complaint_id uuid NOT NULL UNIQUE,
        reason text NOT NULL,
        source text NOT NULL,
        agency_code text,
        escalated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE projection_checkpoint (
        name text PRIMARY KEY,
        checkpoint text NOT NULL,
        ordinal bigint NOT NULL,
        projections_version text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projection_checkpoint`);
    await queryRunner.query(`DROP TABLE escalation`);
    await queryRunner.query(`DROP TABLE complaint_summary`);
  }
}
