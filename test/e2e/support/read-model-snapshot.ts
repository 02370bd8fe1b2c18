import pg from 'pg';

/** Every read-model row, in a stable order, for comparing a live projection with a rebuild. */
export async function readModelSnapshot(
  databaseUrl: string,
): Promise<{ complaints: unknown[]; escalations: unknown[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const complaints = (await client.query('SELECT * FROM complaint_summary ORDER BY id')).rows;
    const escalations = (await client.query('SELECT * FROM escalation ORDER BY feed_order')).rows;
    return { complaints, escalations };
  } finally {
    await client.end();
  }
}

export async function countEvents(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS n FROM events')).rows[0].n);
  } finally {
    await client.end();
  }
}
