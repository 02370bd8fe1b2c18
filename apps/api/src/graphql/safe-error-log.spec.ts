import pg from 'pg';
import { GraphQLError } from 'graphql';
import { createErrorFormatter } from './format-error.js';
import { describeErrorForLog, redactPersonalData } from './safe-error-log.js';

const NAME = 'Siti Rahmawati';
const EMAIL = 'siti.rahmawati@example.co.id';
const PHONE = '+62 812-3456-7890';

describe('logging errors without personal data', () => {
  it('masks quoted values, email addresses and phone numbers, keeping the rest readable', () => {
    expect(redactPersonalData(`reporter.name: "${NAME}" is too long; contact ${EMAIL} or ${PHONE}`)).toBe(
      'reporter.name: "…" is too long; contact [email] or [number]',
    );
    expect(redactPersonalData(`Unexpected token 'S', "${NAME}" is not valid JSON`)).toBe(
      `Unexpected token '…', "…" is not valid JSON`,
    );
    expect(
      redactPersonalData('at execute (file:///app/node_modules/@apollo/server/dist/esm/requestPipeline.js:576:31)'),
    ).toBe('at execute (file:///app/node_modules/@apollo/server/dist/esm/requestPipeline.js:576:31)');
  });

  it('describes an error by class, codes and stack frames, never repeating its raw message', () => {
    const error = Object.assign(new pg.DatabaseError(`invalid input syntax for type uuid: "${NAME}"`, 0, 'error'), {
      code: '22P02',
      table: 'complaint_summary',
      routine: 'string_to_uuid',
    });
    const line = describeErrorForLog(new Error(`submit failed for ${EMAIL}`, { cause: error }));
    expect(line).not.toContain(NAME);
    expect(line).not.toContain(EMAIL);
    expect(line).toMatch(
      /^Error: submit failed for \[email\]; caused by error: invalid input syntax for type uuid: "…" \(code=22P02, table=complaint_summary, routine=string_to_uuid\)/,
    );
    expect(
      line
        .split('\n')
        .slice(1)
        .every((frame) => frame.trim().startsWith('at ')),
    ).toBe(true);
  });

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
