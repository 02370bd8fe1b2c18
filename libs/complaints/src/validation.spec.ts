import { InvalidComplaintInput } from './complaint.errors.js';
import { oneOf, optionalEmail, optionalPhone, optionalText, requiredText } from './validation.js';

const invalid = (field: string, message?: RegExp) =>
  expect.objectContaining({
    name: 'InvalidComplaintInput',
    field,
    code: 'INVALID_INPUT',
    category: 'invalid',
    ...(message ? { message: expect.stringMatching(message) } : {}),
  });

describe('requiredText', () => {
  it('returns the text trimmed', () => {
    expect(requiredText('title', '  Jalan rusak \n', 5, 200)).toBe('Jalan rusak');
  });

  it('accepts the exact minimum and maximum lengths', () => {
    expect(requiredText('f', 'abc', 3, 5)).toBe('abc');
    expect(requiredText('f', 'abcde', 3, 5)).toBe('abcde');
  });

  it('refuses one character under the minimum or over the maximum, counting after trimming', () => {
    expect(() => requiredText('f', ' ab ', 3, 5)).toThrow(invalid('f', /at least 3 characters \(got 2\)/));
    expect(() => requiredText('f', 'abcdef', 3, 5)).toThrow(invalid('f', /at most 5 characters \(got 6\)/));
  });

  it('counts code points: an emoji is one character', () => {
    expect(requiredText('f', '😀😀😀', 3, 3)).toBe('😀😀😀');
    expect(() => requiredText('f', '😀😀', 3, 3)).toThrow(InvalidComplaintInput);
  });

  it.each([undefined, null, 42, {}, ['text']])('refuses %p as missing', (value) => {
    expect(() => requiredText('f', value, 1, 5)).toThrow(invalid('f', /is required/));
  });
});

describe('optionalText', () => {
  it.each([undefined, null, '', '   \n'])('reads %p as null', (value) => {
    expect(optionalText('note', value, 10)).toBeNull();
  });

  it('returns the text trimmed', () => {
    expect(optionalText('note', '  halo  ', 10)).toBe('halo');
  });

  it('refuses text over the maximum', () => {
    expect(optionalText('note', 'x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(() => optionalText('note', 'x'.repeat(11), 10)).toThrow(invalid('note'));
  });

  it.each([42, true, {}])('refuses the non-text %p', (value) => {
    expect(() => optionalText('note', value, 10)).toThrow(invalid('note', /must be text/));
  });
});

describe('oneOf', () => {
  const COLOURS = ['RED', 'GREEN'] as const;

  it('returns an allowed value', () => {
    expect(oneOf('colour', 'GREEN', COLOURS)).toBe('GREEN');
  });

  it.each(['red', ' RED', 'BLUE', '', null, undefined, 1])('refuses %p and lists the allowed values', (value) => {
    expect(() => oneOf('colour', value, COLOURS)).toThrow(invalid('colour', /must be one of RED, GREEN/));
  });
});

describe('optionalEmail', () => {
  it('returns the address trimmed and in lower case', () => {
    expect(optionalEmail('email', '  Budi.Santoso@Kemenkes.GO.ID ')).toBe('budi.santoso@kemenkes.go.id');
  });

  it.each([undefined, null, '', '  '])('reads %p as no address', (value) => {
    expect(optionalEmail('email', value)).toBeNull();
  });

  it.each([
    'budi',
    'budi@kemenkes',
    'budi santoso@kemenkes.go.id',
    'budi@@kemenkes.go.id',
    '@kemenkes.go.id',
    'budi@.',
  ])('refuses "%s"', (value) => {
    expect(() => optionalEmail('email', value)).toThrow(invalid('email', /is not an email address/));
  });

  it('refuses an address longer than 254 characters', () => {
    const local = 'a'.repeat(64);
    const address = `${local}@${'d'.repeat(254 - 64 - 1 - 3)}.id`;
    expect(address).toHaveLength(254);
    expect(optionalEmail('email', address)).toBe(address);
    expect(() => optionalEmail('email', `a${address}`)).toThrow(invalid('email'));
  });
});

describe('optionalPhone', () => {
  it.each([
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['6281234567890', '6281234567890'],
    ['0812 3456 7890', '081234567890'],
    ['(0511) 477-2123', '05114772123'],
    ['0812.3456.7890', '081234567890'],
  ])('reads "%s" as %s', (value, digits) => {
    expect(optionalPhone('phone', value)).toBe(digits);
  });

  it.each([undefined, null, '', '   '])('reads %p as no number', (value) => {
    expect(optionalPhone('phone', value)).toBeNull();
  });

  describe('length after the prefix: 7 to 13 digits', () => {
    it.each([
      ['0', '0' + '1'.repeat(7)],
      ['0', '0' + '1'.repeat(13)],
      ['62', '62' + '1'.repeat(7)],
      ['+62', '+62' + '1'.repeat(13)],
    ])('accepts the prefix %s with %s', (_, value) => {
      expect(optionalPhone('phone', value)).toBe(value);
    });

    it.each([
      ['0', '0' + '1'.repeat(6)],
      ['0', '0' + '1'.repeat(14)],
      ['62', '62' + '1'.repeat(6)],
      ['+62', '+62' + '1'.repeat(14)],
    ])('refuses the prefix %s with %s', (_, value) => {
      expect(() => optionalPhone('phone', value)).toThrow(invalid('phone', /is not an Indonesian phone number/));
    });
  });

  it.each(['+1 555 123 4567', '812 3456 7890', '+0812 3456 7890', '0812-CALL-NOW', '0812/3456/7890'])(
    'refuses "%s"',
    (value) => {
      expect(() => optionalPhone('phone', value)).toThrow(invalid('phone'));
    },
  );

  it('refuses text longer than 32 characters before removing separators', () => {
    expect(() => optionalPhone('phone', '0812 - 3456 - 7890 - - - - - - - -')).toThrow(invalid('phone', /at most 32/));
  });
});
