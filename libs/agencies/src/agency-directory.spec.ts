import { AgencyDirectory } from './agency-directory.js';
import { loadAgencyDirectory } from './load-agencies.js';

describe('agency directory', () => {
  const directory = loadAgencyDirectory();

  it('holds the bodies from the reports Aduan is modelled on', () => {
    for (const code of [
      'OMBUDSMAN-RI',
      'OMBUDSMAN-KALSEL',
      'KAB-BANJAR',
      'KAB-BANJAR-DISKOMINFO',
      'KAB-BANJAR-DINKES',
      'KAB-HSU',
      'KAB-BOMBANA',
      'KAB-BOMBANA-INSPEKTORAT',
      'KOTA-KENDARI',
      'KAB-INDRAMAYU',
      'KEC-JATIBARANG',
    ]) {
      expect(directory.exists(code)).toBe(true);
    }
    expect(directory.get('KEC-JATIBARANG')?.parentCode).toBe('KAB-INDRAMAYU');
  });

  it('routes SMS keywords case-insensitively', () => {
    expect(directory.findBySmsKeyword('banjar')?.code).toBe('KAB-BANJAR');
    expect(directory.findBySmsKeyword('NOPE')).toBeUndefined();
  });

  it('refuses a directory with an unknown parent or a repeated code', () => {
    const agency = { code: 'A-1', name: 'A', parentCode: null, level: 'NATIONAL' as const, smsKeyword: null };
    expect(() => new AgencyDirectory([{ ...agency, parentCode: 'MISSING' }])).toThrow(/unknown parent MISSING/);
    expect(() => new AgencyDirectory([agency, agency])).toThrow(/appears twice/);
  });
});
