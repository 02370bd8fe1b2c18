import type { SqlExecutor } from '../projection.js';

/** The schema a rebuild writes into; its tables carry the live tables' names. */
export const REBUILD_SCHEMA = 'aduan_rebuild';

interface IndexDefinition {
  readonly name: string;
  /** `CREATE … INDEX name ON aduan_rebuild.table …` */
  readonly create: string;
  readonly unique: boolean;
  /** The PRIMARY KEY or UNIQUE constraint the index backs, if any. */
  readonly constraint: { readonly name: string; readonly kind: 'PRIMARY KEY' | 'UNIQUE' } | null;
}

interface TableDefinition {
  readonly table: string;
  /** Compared before the swap (the copies get their columns from LIKE). */
  readonly columns: readonly { name: string; type: string; not_null: boolean; default: string | null }[];
  readonly indexes: readonly IndexDefinition[];
  readonly reloptions: readonly string[] | null;
}

/**
 * Fresh copies of the read-model tables in a schema of their own, for a rebuild: same names, columns,
 * defaults and constraints, with the unique indexes a projection's ON CONFLICT relies on from the
 * start and every other index built once the rows are in (a sorted build instead of one insert per
 * row). Until `swap`, readers keep the live tables; `swap` replaces them and writes the checkpoint in
 * one transaction. A rebuild that fails or is interrupted leaves the live tables and their
 * checkpoint as they were; its leftovers are dropped by the next one.
 *
 * The projector's connection sets its search_path to the schema while it rebuilds, so projections
 * write their usual unqualified table names into the copies.
 */
export class ShadowTables {
  private constructor(private readonly definitions: readonly TableDefinition[]) {}

  /**
   * Creates the copies, or answers why the live tables cannot be replaced (something outside the
   * read models depends on them: a foreign key, a view, a trigger); the caller then rebuilds in place.
   */
  static async create(sql: SqlExecutor, tables: readonly string[]): Promise<ShadowTables | { refused: string }> {
    const refused = await dependentObjects(sql, tables);
    if (refused) return { refused };
    const definitions: TableDefinition[] = [];
    for (const table of tables) definitions.push(await tableDefinition(sql, table));
    await sql.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
    await sql.query(`CREATE SCHEMA ${REBUILD_SCHEMA}`);
    for (const { table, indexes, reloptions } of definitions) {
      await sql.query(
        `CREATE TABLE ${REBUILD_SCHEMA}.${table} (LIKE public.${table} INCLUDING ALL EXCLUDING INDEXES EXCLUDING STATISTICS)`,
      );
      if (reloptions) await sql.query(`ALTER TABLE ${REBUILD_SCHEMA}.${table} SET (${reloptions.join(', ')})`);
      for (const index of indexes.filter((i) => i.unique)) await createIndex(sql, table, index);
    }
    return new ShadowTables(definitions);
  }

  /** Projections' unqualified table names resolve to the copies (and everything else to public). */
  async enter(sql: SqlExecutor): Promise<void> {
    await sql.query(`SET search_path = ${REBUILD_SCHEMA}, public`);
  }

  async leave(sql: SqlExecutor): Promise<void> {
    await sql.query('RESET search_path');
  }

  /** Builds every index the live tables have beyond the unique ones. */
  async buildIndexes(sql: SqlExecutor): Promise<void> {
    for (const { table, indexes } of this.definitions) {
      for (const index of indexes.filter((i) => !i.unique)) await createIndex(sql, table, index);
    }
  }

  /** Gives the filled copies their planner statistics, so the first queries after the swap plan well. */
  async analyze(sql: SqlExecutor): Promise<void> {
    for (const { table } of this.definitions) await sql.query(`ANALYZE ${REBUILD_SCHEMA}.${table}`);
  }

  /**
   * In one transaction: checks the live tables still have the definitions the copies were made from
   * (a migration run meanwhile would otherwise be lost), replaces them with the copies, and runs
   * `within` (the checkpoint write). Readers see the old tables or the new ones, never a mix.
   */
  async swap(sql: SqlExecutor, within: () => Promise<void>): Promise<void> {
    await sql.query('BEGIN');
    try {
      for (const definition of this.definitions) {
        await sql.query(`LOCK TABLE public.${definition.table} IN ACCESS EXCLUSIVE MODE`);
        const now = await tableDefinition(sql, definition.table);
        if (JSON.stringify(now) !== JSON.stringify(definition)) {
          throw new Error(
            `the definition of ${definition.table} changed during the rebuild (a migration?); rebuild again`,
          );
        }
      }
      for (const { table } of this.definitions) {
        await sql.query(`DROP TABLE public.${table}`);
        await sql.query(`ALTER TABLE ${REBUILD_SCHEMA}.${table} SET SCHEMA public`);
      }
      await within();
      await sql.query('COMMIT');
    } catch (error) {
      await sql.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await sql.query(`DROP SCHEMA ${REBUILD_SCHEMA}`);
  }

  /** Drops the copies of an abandoned rebuild. */
  async discard(sql: SqlExecutor): Promise<void> {
    await sql.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
  }
}

async function createIndex(sql: SqlExecutor, table: string, index: IndexDefinition): Promise<void> {
  await sql.query(index.create);
  if (index.constraint) {
    await sql.query(
      `ALTER TABLE ${REBUILD_SCHEMA}.${table} ADD CONSTRAINT ${index.constraint.name} ${index.constraint.kind} USING INDEX ${index.name}`,
    );
  }
}

/** A live table's indexes (as statements creating them on its copy) and storage parameters. */
async function tableDefinition(sql: SqlExecutor, table: string): Promise<TableDefinition> {
  // pg_get_indexdef names the table with its schema (public), which toShadow swaps for the copy's.
  const { rows } = await sql.query<{
    name: string;
    definition: string;
    unique: boolean;
    constraint_name: string | null;
    constraint_kind: string | null;
  }>(
    `SELECT i.relname AS name, pg_catalog.pg_get_indexdef(i.oid) AS definition, x.indisunique AS unique,
            c.conname AS constraint_name, c.contype::text AS constraint_kind
       FROM pg_catalog.pg_index x
       JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_catalog.pg_constraint c ON c.conindid = x.indexrelid AND c.contype IN ('p', 'u')
      WHERE x.indrelid = to_regclass('public.' || $1)
      ORDER BY i.relname`,
    [table],
  );
  const { rows: options } = await sql.query<{ reloptions: string[] | null }>(
    `SELECT reloptions FROM pg_catalog.pg_class WHERE oid = to_regclass('public.' || $1)`,
    [table],
  );
  const columns = await sql.query<TableDefinition['columns'][number]>(
    `SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_catalog.pg_attribute a
       LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = to_regclass('public.' || $1) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [table],
  );
  if (columns.rows.length === 0) throw new Error(`read-model table public.${table} does not exist`);
  return {
    table,
    columns: columns.rows,
    reloptions: options[0]?.reloptions ?? null,
    indexes: rows.map((row) => ({
      name: row.name,
      create: toShadow(row.definition, table),
      unique: row.unique,
      constraint:
        row.constraint_name && row.constraint_kind
          ? { name: row.constraint_name, kind: row.constraint_kind === 'p' ? 'PRIMARY KEY' : 'UNIQUE' }
          : null,
    })),
  };
}

/** `CREATE INDEX n ON public.t USING …` → the same index on the copy of t. */
function toShadow(definition: string, table: string): string {
  const live = ` ON public.${table} `;
  if (!definition.includes(live)) throw new Error(`unexpected index definition on ${table}: ${definition}`);
  return definition.replace(live, ` ON ${REBUILD_SCHEMA}.${table} `);
}

/** Why the live tables cannot be dropped and replaced, if something else depends on them. */
async function dependentObjects(sql: SqlExecutor, tables: readonly string[]): Promise<string | null> {
  const { rows } = await sql.query<{ what: string }>(
    `WITH read_models AS (SELECT to_regclass('public.' || t) AS oid FROM unnest($1::text[]) AS t)
     SELECT 'foreign key ' || conname AS what FROM pg_catalog.pg_constraint
      WHERE contype = 'f' AND (conrelid IN (SELECT oid FROM read_models) OR confrelid IN (SELECT oid FROM read_models))
     UNION ALL
     SELECT DISTINCT 'view ' || v.relname FROM pg_catalog.pg_depend d
       JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
       JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
      WHERE d.refobjid IN (SELECT oid FROM read_models) AND r.ev_class <> d.refobjid
     UNION ALL
     SELECT 'trigger ' || tgname FROM pg_catalog.pg_trigger
      WHERE tgrelid IN (SELECT oid FROM read_models) AND NOT tgisinternal`,
    [tables],
  );
  return rows.length > 0 ? rows.map((row) => row.what).join(', ') : null;
}
