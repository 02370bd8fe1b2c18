import pg from 'pg';
import { databaseUnavailability } from './database-errors.js';
import { withDatabaseTimeouts } from './pool.js';

const databaseError = (code: string) => Object.assign(new pg.DatabaseError('boom', 0, 'error'), { code });

describe('database unavailability', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a full pool', new Error('timeout exceeded when trying to connect')],
    ['the server shutting down', databaseError('57P01')],
    ['the server starting', databaseError('57P03')],
    ['too many connections', databaseError('53300')],
    ['a connection failure', databaseError('08006')],
  ])('counts %s as unreachable', (_, error) => {
    expect(databaseUnavailability(error)).toBe('unreachable');
  });

  it.each([
    ['a statement timeout', databaseError('57014')],
    ['an idle transaction timeout', databaseError('25P03')],
    ['a client read timeout', new Error('Query read timeout')],
  ])('counts %s as a timeout', (_, error) => {
    expect(databaseUnavailability(error)).toBe('timeout');
  });

  it('looks through wrappers: cause, TypeORM driverError, graphql originalError and thrown non-errors', () => {
    expect(databaseUnavailability(new Error('outer', { cause: databaseError('57P01') }))).toBe('unreachable');
    expect(databaseUnavailability({ message: 'QueryFailedError', driverError: databaseError('57014') })).toBe(
      'timeout',
    );
    expect(databaseUnavailability({ originalError: { thrownValue: { code: 'ECONNRESET' } } })).toBe('unreachable');
    expect(databaseUnavailability(new AggregateError([new Error('x'), { code: 'ECONNREFUSED' }]))).toBe('unreachable');
  });

  it('leaves every other failure alone', () => {
    expect(databaseUnavailability(databaseError('23505'))).toBeNull();
    expect(databaseUnavailability(databaseError('22021'))).toBeNull();
    expect(databaseUnavailability(new TypeError('x is undefined'))).toBeNull();
    expect(databaseUnavailability(null)).toBeNull();
    const cycle: { cause?: unknown } = {};
    cycle.cause = cycle;
    expect(databaseUnavailability(cycle)).toBeNull();
  });
});

describe('timeouts in a connection string', () => {
  it('adds the server statement timeout, a later client timeout and an idle-in-transaction bound', () => {
    const url = new URL(
      withDatabaseTimeouts('postgres://u:p@localhost:5432/db?sslmode=disable', { statementTimeoutMs: 2000 }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sslmode: 'disable',
      statement_timeout: '2000',
      query_timeout: '7000',
      idle_in_transaction_session_timeout: '60000',
    });
    expect(withDatabaseTimeouts('postgres://localhost/db', { statementTimeoutMs: 0 })).toBe('postgres://localhost/db');
  });
});
