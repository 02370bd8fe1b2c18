import type pg from 'pg';
import { REBUILD_SCHEMA, ShadowTables } from '#aduan/projections';

/** Where the rebuilt rows wait as text, outside the copies being measured. */
const TEXT_SCHEMA = 'bench_floor_text';

/**
 * The write floor of a rebuild: PostgreSQL alone turning the rebuilt rows from their text form back
 * into rows of the rebuild's own fresh copies of the tables (ShadowTables: unique indexes before, the
 * others built after), one statement per table, no client round trip per row.
 *
 * Any rebuild whose rows are made in the client has to hand them to the server as text (jsonb has no
 * binary form that skips parsing), and the server parses each one and compresses its large values
 * into TOAST, so both are in the floor. Copying the stored rows with `INSERT … SELECT` instead would
 * skip both: it moves already parsed, already compressed values (measured here: a third of the cost),
 * which no rebuild can do. The text form costs what `COPY … FROM` of the same rows costs (checked by
 * hand against a server-side COPY file: 2.5–2.8 s against 2.7–2.9 s for 41,668 summary rows); it needs
 * no file on the server, so it runs against DATABASE_URL too. The rebuild's ANALYZE of its copies is
 * left out: statistics help the queries after the swap, not the writes.
 *
 * `prepare` keeps each table's rows as text and creates the copies (not timed); `write` is the
 * measured pass; `drop` cleans up.
 */
export class WriteFloor {
  private constructor(
    private readonly client: pg.Client,
    private readonly tables: readonly string[],
    private readonly copies: ShadowTables,
  ) {}

  static async prepare(client: pg.Client, tables: readonly string[]): Promise<WriteFloor> {
    await client.query(`DROP SCHEMA IF EXISTS ${TEXT_SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${TEXT_SCHEMA}`);
    for (const table of tables) {
      await client.query(`CREATE TABLE ${TEXT_SCHEMA}.${table} AS SELECT t::text AS line FROM public.${table} t`);
    }
    const copies = await ShadowTables.create(client, tables);
    if (!(copies instanceof ShadowTables)) throw new Error(`write floor: cannot copy the tables (${copies.refused})`);
    return new WriteFloor(client, tables, copies);
  }

  async write(): Promise<void> {
    for (const table of this.tables) {
      // OFFSET 0 keeps the cast in a subquery of its own: `(line::t).*` would parse the line once per column.
      await this.client.query(
        `INSERT INTO ${REBUILD_SCHEMA}.${table} SELECT (parsed.row).*
           FROM (SELECT line::public.${table} AS row FROM ${TEXT_SCHEMA}.${table} OFFSET 0) parsed`,
      );
    }
    await this.copies.buildIndexes(this.client);
  }

  async drop(): Promise<void> {
    await this.copies.discard(this.client);
    await this.client.query(`DROP SCHEMA IF EXISTS ${TEXT_SCHEMA} CASCADE`);
  }
}
