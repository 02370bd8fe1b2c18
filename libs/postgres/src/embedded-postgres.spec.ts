import pg from 'pg';
import { startTestPostgres, type TestPostgres } from './test-database.js';

describe('embedded PostgreSQL', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(() => postgres?.stop());

  it('serves a real PostgreSQL 18 that accepts connections', async () => {
    const client = new pg.Client({ connectionString: await postgres.createDatabase() });
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    await client.end();
    expect(Number(rows[0]?.server_version_num)).toBeGreaterThanOrEqual(180000);
  });
});
