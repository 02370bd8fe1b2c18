import type { PoolClient } from '#aduan/postgres';
import { PreparedStatements } from './prepared-statements.js';

/** A client that records the query configs it is given and answers no rows. */
function recordingClient(): { client: PoolClient; names: (string | undefined)[] } {
  const names: (string | undefined)[] = [];
  const client = {
    query: async (config: { name?: string }) => {
      names.push(config.name);
      return { rows: [], rowCount: 0 };
    },
  } as unknown as PoolClient;
  return { client, names };
}

describe('prepared statements for projections', () => {
  it('gives one text one name, on every connection, and different texts different names', async () => {
    const statements = new PreparedStatements();
    const first = recordingClient();
    const second = recordingClient();

    await statements.on(first.client).query('SELECT 1');
    await statements.on(first.client).query('SELECT 2');
    await statements.on(second.client).query('SELECT 1');

    expect(first.names[0]).toBe(second.names[0]);
    expect(first.names[1]).not.toBe(first.names[0]);
  });

  it('runs texts past its limit unnamed, so SQL built per batch cannot grow it without bound', async () => {
    const statements = new PreparedStatements();
    const { client, names } = recordingClient();
    for (let index = 0; index <= PreparedStatements.LIMIT; index += 1) {
      await statements.on(client).query(`SELECT ${index}`);
    }
    expect(names.filter((name) => name === undefined)).toHaveLength(1);
  });
});
