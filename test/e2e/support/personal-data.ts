import pg from 'pg';

/**
 * Every row of every table in the database's public schema, as text: what a dump of the database
 * would hold (events, read models, idempotency keys, the key vault…), for searching for personal data.
 */
export async function databaseText(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const parts: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${tablename}" t`);
      parts.push(`${tablename}:\n${rows.map((r) => r.row).join('\n')}`);
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/** Which of the values occur in the text (a phone also as its digits, which is how it is stored). */
export function personalDataIn(text: string, values: readonly string[]): string[] {
  const variants = values.flatMap((value) => {
    const digits = value.replace(/\D/g, '');
    return digits.length >= 9 ? [value, digits.slice(-9)] : [value];
  });
  return [...new Set(variants.filter((value) => text.toLowerCase().includes(value.toLowerCase())))];
}
