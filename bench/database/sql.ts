import pg from 'pg';

/** Runs `work` on a connection of its own, closed afterwards: for set-up and checks, not load. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'aduan-bench' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The single `count` a query answers, as a number. */
export const countOf = (url: string, sql: string): Promise<number> =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ count: string | number }>(sql);
    return Number(rows[0]!.count);
  });
