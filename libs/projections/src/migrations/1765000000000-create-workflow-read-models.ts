import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SP4N-LAPOR! workflow's read model: deadline schedule and statistics facts (docs/workflow.md). */
export class CreateWorkflowReadModels1765000000000 implements MigrationInterface {
  name = 'CreateWorkflowReadModels1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaint_workflow (
        complaint_id uuid PRIMARY KEY,
        version integer NOT NULL,
        state jsonb NOT NULL,
        next_check_at timestamptz,
        agency_code text,
        category text,
        complaint_type text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        priority text NOT NULL,
        received_at timestamptz NOT NULL,
        verified_at timestamptz,
        first_response_at timestamptz,
        response_seconds double precision,
        responded_on_time boolean,
        missed_response_deadline boolean NOT NULL,
        escalated boolean NOT NULL,
        sanction_count integer NOT NULL,
        rating smallint,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX complaint_workflow_next_check ON complaint_workflow (next_check_at) WHERE next_check_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX complaint_workflow_received ON complaint_workflow (received_at, agency_code)`,
    );
    // The public feed filters by type among non-confidential complaints.
    await queryRunner.query(
      `CREATE INDEX complaint_summary_public ON complaint_summary (list_order) WHERE NOT confidential`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX complaint_summary_public`);
    await queryRunner.query(`DROP TABLE complaint_workflow`);
  }
}
