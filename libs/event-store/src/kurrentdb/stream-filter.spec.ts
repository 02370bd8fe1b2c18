import { STREAM_NAME } from '@kurrent/kurrentdb-client';
import { ADUAN_STREAM_PREFIXES, aduanStreamFilter } from './stream-filter.js';

describe('aduanStreamFilter', () => {
  it("builds the client's server-side stream-name prefix filter for Aduan's stream families", () => {
    const filter = aduanStreamFilter();

    expect(filter).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['complaint-', 'agency-', 'aduan-'] });
    expect(ADUAN_STREAM_PREFIXES.some((prefix) => prefix.startsWith('$'))).toBe(false);
  });

  it('takes other prefixes, e.g. for a database shared with other applications', () => {
    expect(aduanStreamFilter(['complaint-']).prefixes).toEqual(['complaint-']);
  });

  it('refuses prefixes that would match every stream, system streams included', () => {
    expect(() => aduanStreamFilter([])).toThrow(RangeError);
    expect(() => aduanStreamFilter(['complaint-', ''])).toThrow(RangeError);
  });
});
