import { InvalidComplaintInput } from './complaint.errors.js';
import { addDuration, parseIsoDuration } from './iso-duration.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseIsoDuration', () => {
  it.each([
    ['P14D', 14 * DAY],
    ['P1D', DAY],
    ['P2W', 14 * DAY],
    ['P1W2D', 9 * DAY],
    ['PT2S', 2 * SECOND],
    ['PT1.5S', 1_500],
    ['PT0.001S', 1],
    ['PT1M', MINUTE],
    ['PT36H', 36 * HOUR],
    ['P1DT12H', DAY + 12 * HOUR],
    ['P3DT4H5M6S', 3 * DAY + 4 * HOUR + 5 * MINUTE + 6 * SECOND],
    ['P0DT1S', SECOND],
  ])('reads %s as %d ms and keeps the text', (text, milliseconds) => {
    expect(parseIsoDuration(text)).toStrictEqual({ text, milliseconds });
  });

  it.each([
    ['years', 'P1Y'],
    ['months', 'P1M'],
    ['years and days', 'P1Y2D'],
    ['an empty duration', 'P'],
    ['a dangling time marker', 'P1DT'],
    ['a time marker alone', 'PT'],
    ['lower case', 'p14d'],
    ['no P', '14D'],
    ['a negative sign', '-P1D'],
    ['surrounding spaces', ' P14D '],
    ['units out of order', 'P2D1W'],
    ['a decimal day', 'P1.5D'],
    ['plain text', 'two weeks'],
    ['an empty string', ''],
  ])('refuses %s (%s)', (_, text) => {
    expect(() => parseIsoDuration(text)).toThrow(InvalidComplaintInput);
  });

  it.each(['P0D', 'PT0S', 'P0W0DT0H0M0S', 'PT0.0004S'])('refuses the zero-length duration %s', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(/must be longer than zero/);
  });

  it('reports the field it was given, or "duration"', () => {
    expect(() => parseIsoDuration('P1Y', 'responseDeadline')).toThrow(
      expect.objectContaining({ field: 'responseDeadline', code: 'INVALID_INPUT', category: 'invalid' }),
    );
    expect(() => parseIsoDuration('P1Y')).toThrow(expect.objectContaining({ field: 'duration' }));
  });
});

describe('addDuration', () => {
  it('adds the exact number of milliseconds, ignoring the calendar and time zones', () => {
    const start = new Date('2025-03-03T01:00:00.000Z');
    expect(addDuration(start, parseIsoDuration('P14D')).toISOString()).toBe('2025-03-17T01:00:00.000Z');
    expect(addDuration(start, parseIsoDuration('PT2S')).toISOString()).toBe('2025-03-03T01:00:02.000Z');
  });

  it('crosses month and leap-day boundaries by elapsed time', () => {
    expect(addDuration(new Date('2024-02-20T00:00:00.000Z'), parseIsoDuration('P14D')).toISOString()).toBe(
      '2024-03-05T00:00:00.000Z',
    );
  });

  it('does not change the instant it is given', () => {
    const start = new Date('2025-03-03T01:00:00.000Z');
    addDuration(start, parseIsoDuration('P1D'));
    expect(start.toISOString()).toBe('2025-03-03T01:00:00.000Z');
  });
});
