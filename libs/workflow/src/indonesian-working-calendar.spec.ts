import fc from 'fast-check';
import { IndonesianWorkingCalendar } from './indonesian-working-calendar.js';
import { nextDate, weekdayOf } from './local-time.js';

const calendar = new IndonesianWorkingCalendar();
const wib = (local: string): Date => new Date(`${local}+07:00`);

describe('IndonesianWorkingCalendar', () => {
  it('knows the public holidays from date-holidays, not from a hand-written list', () => {
    const dates = calendar.publicHolidays(2025).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2025-01-01', '2025-03-31', '2025-08-17', '2025-12-25']));
    expect(calendar.isWorkingDate('2025-03-31')).toBe(false); // Idul Fitri, a Monday
    expect(calendar.isWorkingDate('2025-05-12')).toBe(false); // Waisak
    expect(calendar.isWorkingDate('2025-03-29')).toBe(false); // a Saturday (and Nyepi)
    expect(calendar.isWorkingDate('2025-03-27')).toBe(true);
  });

  describe('addWorkingDays', () => {
    it('ends at the local midnight closing the N-th working day after the day of receipt', () => {
      // Received Monday 3 March 2025, 08:00 WIB: Tuesday, Wednesday, Thursday → due as Friday begins.
      expect(calendar.addWorkingDays(wib('2025-03-03T08:00:00'), 3).toISOString()).toBe('2025-03-06T17:00:00.000Z');
    });

    it('does not count the day of receipt, however late it came in', () => {
      expect(calendar.addWorkingDays(wib('2025-03-03T23:59:00'), 1).toISOString()).toBe('2025-03-04T17:00:00.000Z');
      // 00:30 WIB on Tuesday is still Monday evening in UTC: the local day decides.
      expect(calendar.addWorkingDays(wib('2025-03-04T00:30:00'), 1).toISOString()).toBe('2025-03-05T17:00:00.000Z');
    });

    it('skips weekends and public holidays', () => {
      // Wednesday 26 March 2025 + 3: Thu 27, Fri 28, (Sat, Sun, Idul Fitri Mon 31) Tue 1 April.
      expect(calendar.addWorkingDays(wib('2025-03-26T10:00:00'), 3).toISOString()).toBe('2025-04-01T17:00:00.000Z');
      // Friday 15 August 2025 + 1: Independence Day falls on Sunday the 17th; Monday the 18th counts.
      expect(calendar.addWorkingDays(wib('2025-08-15T10:00:00'), 1).toISOString()).toBe('2025-08-18T17:00:00.000Z');
    });

    it('skips configured extra days off (cuti bersama)', () => {
      // Thu 27 counts; Fri 28, Mon 31 (Idul Fitri), Tue 1 and Wed 2 April are off; Thu 3 and Fri 4 count.
      const withLeave = new IndonesianWorkingCalendar({ extraHolidays: ['2025-03-28', '2025-04-01', '2025-04-02'] });
      expect(withLeave.addWorkingDays(wib('2025-03-26T10:00:00'), 3).toISOString()).toBe('2025-04-04T17:00:00.000Z');
    });

    it('counts in the configured time zone (WITA is an hour ahead of WIB)', () => {
      const wita = new IndonesianWorkingCalendar({ timeZone: 'Asia/Makassar' });
      expect(wita.addWorkingDays(new Date('2025-03-03T01:00:00Z'), 3).toISOString()).toBe('2025-03-06T16:00:00.000Z');
    });

    it('counts exactly N working days, ending on a local midnight after the start (property)', () => {
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('2024-01-01T00:00:00Z'),
            max: new Date('2027-12-31T00:00:00Z'),
            noInvalidDate: true,
          }),
          fc.integer({ min: 1, max: 30 }),
          (from, days) => {
            const due = calendar.addWorkingDays(from, days);
            expect(due.getTime()).toBeGreaterThan(from.getTime());
            expect(calendar.local.startOf(calendar.local.dateOf(due)).getTime()).toBe(due.getTime());
            let counted = 0;
            for (let d = nextDate(calendar.local.dateOf(from)); d < calendar.local.dateOf(due); d = nextDate(d)) {
              if (calendar.isWorkingDate(d)) counted++;
            }
            expect(counted).toBe(days);
            const lastDay = nextDate(calendar.local.dateOf(due), -1);
            expect(calendar.isWorkingDate(lastDay)).toBe(true);
            expect(calendar.addWorkingDays(from, days + 1).getTime()).toBeGreaterThan(due.getTime());
          },
        ),
        { numRuns: 200 },
      );
    });

    it('answers a span counted before exactly as a first count does, as a Date of its own', () => {
      const warm = new IndonesianWorkingCalendar();
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('2024-01-01T00:00:00Z'),
            max: new Date('2027-12-31T00:00:00Z'),
            noInvalidDate: true,
          }),
          fc.integer({ min: 1, max: 30 }),
          (from, days) => {
            const first = warm.addWorkingDays(from, days);
            const again = warm.addWorkingDays(new Date(from.getTime() + 60_000), days);
            const fresh = new IndonesianWorkingCalendar().addWorkingDays(from, days);
            expect(again).not.toBe(first);
            if (warm.local.dateOf(new Date(from.getTime() + 60_000)) === warm.local.dateOf(from)) {
              expect(again.getTime()).toBe(first.getTime());
            }
            expect(first.getTime()).toBe(fresh.getTime());
            first.setTime(0); // a caller changing its answer must not change the next one
            expect(warm.addWorkingDays(from, days).getTime()).toBe(fresh.getTime());
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe('addMonths', () => {
    it('keeps the local wall-clock time and clamps to the month end', () => {
      expect(calendar.addMonths(wib('2025-03-03T08:00:00'), 3).toISOString()).toBe('2025-06-03T01:00:00.000Z');
      expect(calendar.addMonths(wib('2025-11-30T08:00:00'), 3).toISOString()).toBe('2026-02-28T01:00:00.000Z');
    });
  });

  it('reads weekdays time-zone free', () => {
    expect(weekdayOf('2025-03-03')).toBe(1);
    expect(nextDate('2024-02-28')).toBe('2024-02-29');
  });
});
