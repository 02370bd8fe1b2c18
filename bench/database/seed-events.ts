import { withClient } from './sql.js';
import type { Lifecycle } from '../app/sample-lifecycle.js';

/**
 * How far each complaint gets through the recorded lifecycle, cycling over complaint numbers:
 * some are only submitted, most forwarded or answered, one in ten escalated (2.4 events each).
 */
const LIFECYCLE_LENGTHS = [1, 1, 2, 2, 2, 3, 3, 3, 3, 4];
const COMPLAINTS_PER_CALL = 2_000;
const SESSIONS = 2;

/**
 * The seeding procedure. Every event goes through aduan_append, one append per transaction as the
 * API writes them, with complaint ids and tracking codes stamped into the recorded lifecycle.
 * Within a block, complaints advance one step at a time, so a stream's events are spread over the
 * global order the way real traffic spreads them. Its own commits skip the WAL flush wait
 * (synchronous_commit off for the seeding sessions only): set-up, not measurement.
 */
const SEED_DDL = /* sql */ `
CREATE TABLE IF NOT EXISTS bench_seed_lifecycle (step int PRIMARY KEY, event jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS bench_seed_lengths (slot int PRIMARY KEY, length int NOT NULL);

CREATE OR REPLACE PROCEDURE bench_seed(p_first bigint, p_count int)
LANGUAGE plpgsql AS $$
DECLARE
  v_lengths int[] := ARRAY(SELECT length FROM bench_seed_lengths ORDER BY slot);
  v_event   jsonb;
  v_data    jsonb;
  v_id      uuid;
BEGIN
  FOR v_step IN 0 .. (SELECT max(step) FROM bench_seed_lifecycle) LOOP
    SELECT event INTO v_event FROM bench_seed_lifecycle WHERE step = v_step;
    FOR v_n IN p_first .. p_first + p_count - 1 LOOP
      CONTINUE WHEN v_step >= v_lengths[v_n % cardinality(v_lengths) + 1];
      v_id := md5('aduan-bench-' || v_n)::uuid;
      v_data := jsonb_set(v_event -> 'data', '{complaintId}', to_jsonb(v_id::text));
      IF v_data ? 'trackingCode' THEN
        v_data := jsonb_set(v_data, '{trackingCode}', to_jsonb('BENCH-' || v_n));
      END IF;
      PERFORM aduan_append('complaint-' || v_id,
                           CASE WHEN v_step = 0 THEN 'no-stream' ELSE (v_step - 1)::text END,
                           ARRAY[gen_random_uuid()], ARRAY[v_event ->> 'type'],
                           ARRAY[v_data], ARRAY[v_event -> 'metadata']);
      COMMIT;
    END LOOP;
  END LOOP;
END $$;`;

/** Fills a store with complaint events quickly, and can grow it later (10k, then 100k, then 1M). */
export class EventSeeder {
  #nextComplaint = 0;
  #events = 0;

  private constructor(
    private readonly url: string,
    private readonly lengths: readonly number[],
  ) {}

  /** Installs the procedure in a database whose event store is already migrated. */
  static async install(url: string, lifecycle: Lifecycle): Promise<EventSeeder> {
    const lengths = LIFECYCLE_LENGTHS.map((length) => Math.min(length, lifecycle.length));
    await withClient(url, async (client) => {
      await client.query(SEED_DDL);
      await client.query('TRUNCATE bench_seed_lifecycle, bench_seed_lengths');
      await client.query(
        'INSERT INTO bench_seed_lifecycle (step, event) SELECT step - 1, event FROM unnest($1::jsonb[]) WITH ORDINALITY AS e(event, step)',
        [lifecycle.map((event) => JSON.stringify(event))],
      );
      await client.query(
        'INSERT INTO bench_seed_lengths (slot, length) SELECT slot, length FROM unnest($1::int[]) WITH ORDINALITY AS l(length, slot)',
        [lengths],
      );
    });
    return new EventSeeder(url, lengths);
  }

  /** Events this seeder has appended so far. */
  get events(): number {
    return this.#events;
  }

  /** Complaints seeded so far; complaint n has id md5('aduan-bench-' || n)::uuid. */
  get complaints(): number {
    return this.#nextComplaint;
  }

  /** Appends whole complaints until at least `total` events have been seeded. */
  async growTo(total: number, onProgress: (events: number) => void): Promise<void> {
    let done = this.#events;
    const blocks: { first: number; count: number; events: number }[] = [];
    while (this.#events < total) {
      const first = this.#nextComplaint;
      let count = 0;
      let events = 0;
      while (count < COMPLAINTS_PER_CALL && this.#events + events < total) {
        events += this.lengths[(first + count) % this.lengths.length]!;
        count += 1;
      }
      blocks.push({ first, count, events });
      this.#nextComplaint += count;
      this.#events += events;
    }
    const session = (): Promise<void> =>
      withClient(this.url, async (client) => {
        await client.query('SET synchronous_commit = off');
        for (let block = blocks.shift(); block; block = blocks.shift()) {
          await client.query(`CALL bench_seed(${block.first}, ${block.count})`);
          done += block.events;
          onProgress(done);
        }
      });
    await Promise.all(Array.from({ length: SESSIONS }, session));
    await this.#vacuum();
  }

  /**
   * What autovacuum would do to a store that grew over months: set hint bits and the visibility
   * map, refresh statistics. Without it the first reader after a bulk load pays for the writes.
   */
  #vacuum(): Promise<unknown> {
    return withClient(this.url, (client) => client.query('VACUUM (ANALYZE) events'));
  }
}
