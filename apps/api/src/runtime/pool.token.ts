import type { Pool as PgPool } from '#aduan/postgres';

/** Injection token (and type) for the application's PostgreSQL pool. */
export const Pool = Symbol('Pool');
export type Pool = PgPool;
