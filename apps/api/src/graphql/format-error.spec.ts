import pg from 'pg';
import { GraphQLError } from 'graphql';
import { createErrorFormatter } from './format-error.js';

const NAME = 'Siti Rahmawati';
const EMAIL = 'siti.rahmawati@example.co.id';
const PHONE = '+62 812-3456-7890';

describe('the GraphQL error formatter', () => {
  it('is what the GraphQL error formatter logs for an unexpected error, answered without details', () => {
    const lines: string[] = [];
    const format = createErrorFormatter({ unexpected: (l) => lines.push(l), unavailable: (l) => lines.push(l) });
    const bug = new TypeError(`Cannot read properties of undefined (reading '${NAME}') for ${PHONE} / ${EMAIL}`);
    const answer = format(
      { message: bug.message, path: ['submitComplaint'] },
      new GraphQLError(bug.message, { originalError: bug }),
    );
    expect(answer).toEqual({
      message: 'Internal server error',
      path: ['submitComplaint'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(lines).toHaveLength(1);
    for (const secret of [NAME, EMAIL, PHONE, '812']) expect(lines[0]).not.toContain(secret);
  });

  it('answers a lost database as SERVICE_UNAVAILABLE, and a slow one with reason DATABASE_TIMEOUT', () => {
    const lines: string[] = [];
    const format = createErrorFormatter({ unexpected: () => undefined, unavailable: (l) => lines.push(l) });
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const slow = Object.assign(new pg.DatabaseError('canceling statement due to statement timeout', 0, 'error'), {
      code: '57014',
    });
    expect(format({ message: 'x' }, new GraphQLError('x', { originalError: lost })).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'DATABASE_UNAVAILABLE',
    });
    expect(format({ message: 'x' }, new GraphQLError('x', { originalError: slow })).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'DATABASE_TIMEOUT',
    });
    expect(lines).toHaveLength(2);
  });
});
