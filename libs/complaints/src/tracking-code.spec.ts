import { trackingCodeFor } from './tracking-code.js';

describe('trackingCodeFor', () => {
  it('has the form LPR-XXXX-XXXX-XXXX in Crockford base32 (no I, L, O or U)', () => {
    for (const id of ['trk-form-1', 'trk-form-2', '7f9c2b1e-4d3a-4b8e-9a61-0c5d2e8f1a3b', '']) {
      expect(trackingCodeFor(id)).toMatch(/^LPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
  });

  it('is the same for the same id, so a retried submit gets the same code', () => {
    expect(trackingCodeFor('trk-retry')).toBe(trackingCodeFor('trk-retry'));
  });

  it('does not change between releases: it encodes the first 60 bits of the id’s SHA-256', () => {
    // SHA-256("") starts e3b0c44298fc1c14; its top 60 bits in base32 are W E R C 8 G M R Z G E 1.
    expect(trackingCodeFor('')).toBe('LPR-WERC-8GMR-ZGE1');
    expect(trackingCodeFor('7f9c2b1e-4d3a-4b8e-9a61-0c5d2e8f1a3b')).toBe('LPR-JPMP-WXGA-WEEZ');
  });

  it('differs for different ids, even ids one character apart', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `trk-distinct-${i}`);
    const codes = new Set(ids.map(trackingCodeFor));
    expect(codes.size).toBe(ids.length);
    expect(trackingCodeFor('trk-a')).not.toBe(trackingCodeFor('trk-b'));
  });
});
