import pg from 'pg';
import { describeErrorBriefly, describeErrorForLog, redactPersonalData } from './safe-error-log.js';

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

  it('describes it on one line without stack frames for status reports', () => {
    const error = new Error(`cannot store "${NAME}" for ${EMAIL}`, { cause: new Error(`phone ${PHONE}`) });
    expect(describeErrorBriefly(error)).toBe('Error: cannot store "…" for [email]; caused by Error: phone [number]');
  });
});
