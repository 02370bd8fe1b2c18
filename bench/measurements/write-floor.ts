import type pg from 'pg';

/** A rebuilt read model's rows kept as text, ready to be written again into an empty copy. */
interface TableRows {
  readonly table: string;
  readonly indexes: readonly { name: string; definition: string; unique: boolean }[];
}

const copyOf = (table: string): string => `bench_floor_${table}`;
const textOf = (table: string): string => `bench_floor_text_${table}`;

/**
 * The write floor of a rebuild: PostgreSQL alone turning the rebuilt rows from their text form back
 * into rows of empty tables with the same indexes (unique ones before, the others built after, as the
 * rebuild fills its copies), one statement per table, no client round trip per row.
 *
 * Any rebuild whose rows are made in the client has to hand them to the server as text (jsonb has no
 * binary form that skips parsing), and the server parses each one and compresses its large values
 * into TOAST, so both are in the floor. Copying the stored rows with `INSERT … SELECT` instead would
 * skip both: it moves already parsed, already compressed values (measured here: a third of the cost),
 * which no rebuild can do. The text form costs what `COPY … FROM` of the same rows costs (checked by
 * hand against a server-side COPY file: 2.5–2.8 s against 2.7–2.9 s for 41,668 summary rows); it needs
 * no file on the server, so it runs against DATABASE_URL too.
 *
 * `prepare` keeps each table's rows as text (not timed); `write` is the measured pass; `drop` cleans up.
 */
export class WriteFloor {
  private constructor(
    private readonly client: pg.Client,
    private readonly tables: readonly TableRows[],
  ) {}

  static async prepare(client: pg.Client, tables: readonly string[]): Promise<WriteFloor> {
    const prepared: TableRows[] = [];
    for (const table of tables) {
      const { rows: indexes } = await client.query<{ name: string; definition: string; unique: boolean }>(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition, x.indisunique AS unique
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass`,
        [table],
      );
      await client.query(`DROP TABLE IF EXISTS ${textOf(table)}`);
      await client.query(`CREATE TABLE ${textOf(table)} AS SELECT t::text AS line FROM ${table} t`);
      prepared.push({ table, indexes });
    }
    return new WriteFloor(client, prepared);
  }

  async write(): Promise<void> {
    for (const { table, indexes } of this.tables) {
      const create = (index: { name: string; definition: string }): string =>
        index.definition
          .replace(` INDEX ${index.name} `, ` INDEX bench_floor_${index.name} `)
          .replace(` ON public.${table} `, ` ON public.${copyOf(table)} `);
      await this.client.query(`DROP TABLE IF EXISTS ${copyOf(table)}`);
      await this.client.query(`CREATE TABLE ${copyOf(table)} (LIKE ${table} INCLUDING ALL EXCLUDING INDEXES)`);
      for (const index of indexes.filter((i) => i.unique)) await this.client.query(create(index));
      // OFFSET 0 keeps the cast in a subquery of its own: `(line::t).*` would parse the line once per column.
      await this.client.query(
        `INSERT INTO ${copyOf(table)} SELECT (parsed.row).* FROM (SELECT line::${table} AS row FROM ${textOf(table)} OFFSET 0) parsed`,
      );
      for (const index of indexes.filter((i) => !i.unique)) await this.client.query(create(index));
    }
  }

  async drop(): Promise<void> {
    for (const { table } of this.tables) {
      await this.client.query(`DROP TABLE IF EXISTS ${copyOf(table)}`);
      await this.client.query(`DROP TABLE IF EXISTS ${textOf(table)}`);
    }
  }
}
