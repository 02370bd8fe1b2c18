import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of mutations (apps/api/src/idempotency). Not a read model: the projector never
 * truncates it, so a key keeps answering its first result across restarts and rebuilds.
 */
export class CreateIdempotencyKeys1766500000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        caller text NOT NULL,
        mutation text NOT NULL,
        key_hash text NOT NULL,
        input_hash text NOT NULL,
        claim_id uuid NOT NULL,
        claimed_at timestamptz NOT NULL,
        completed_at timestamptz,
        complaint_id uuid,
        version integer,
        result jsonb,
        PRIMARY KEY (caller, mutation, key_hash)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
