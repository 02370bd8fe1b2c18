import Holidays from 'date-holidays';
import type { WorkingCalendar } from '#aduan/complaints';
import { LocalTime, nextDate, weekdayOf } from './local-time.js';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** Spans remembered (a few per day in live use; a replay of old complaints may ask for many more). */
const SPAN_END_CACHE_SIZE = 4_096;

export interface WorkingCalendarOptions {
  /** Where the working day is counted; WIB by default. */
  readonly timeZone?: string;
  /** Further days off, YYYY-MM-DD, e.g. the government's collective leave (cuti bersama). */
  readonly extraHolidays?: readonly string[];
}

/**
 * Working days of the Indonesian civil service: Monday to Friday, except the public holidays that
 * date-holidays knows for Indonesia (fixed, Islamic, Chinese, Balinese and Christian ones) and any
 * extra days configured. A deadline of N working days ends at the local midnight closing the N-th
 * working day after the day of receipt (the day of receipt does not count).
 */
export class IndonesianWorkingCalendar implements WorkingCalendar {
  readonly local: LocalTime;
  private readonly holidays = new Holidays('ID');
  private readonly byYear = new Map<number, ReadonlySet<string>>();
  private readonly extra: ReadonlySet<string>;
  /**
   * Ends of working-day spans already counted, by local start date and length. Every complaint
   * submitted on one local day gets the same deadlines, so counting (a day-by-day walk with a time
   * zone conversion at its end) is done once per day and span instead of on every submit.
   */
  private readonly spanEnds = new Map<string, number>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.local = new LocalTime(options.timeZone ?? DEFAULT_TIME_ZONE);
    this.extra = new Set(options.extraHolidays ?? []);
  }

  get timeZone(): string {
    return this.local.timeZone;
  }

  /** Public holidays of a year, YYYY-MM-DD, with their names. */
  publicHolidays(year: number): { date: string; name: string }[] {
    return this.holidays
      .getHolidays(year, 'id')
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
  }

  isHoliday(date: string): boolean {
    if (this.extra.has(date)) return true;
    const year = Number(date.slice(0, 4));
    let dates = this.byYear.get(year);
    if (!dates) {
      dates = new Set(this.publicHolidays(year).map((h) => h.date));
      this.byYear.set(year, dates);
    }
    return dates.has(date);
  }

  isWorkingDate(date: string): boolean {
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6 && !this.isHoliday(date);
  }

  addWorkingDays(from: Date, days: number): Date {
    const start = this.local.dateOf(from);
    const key = `${start}/${days}`;
    let end = this.spanEnds.get(key);
    if (end === undefined) {
      let date = start;
      let counted = 0;
      while (counted < days) {
        date = nextDate(date);
        if (this.isWorkingDate(date)) counted++;
      }
      end = this.local.startOf(nextDate(date)).getTime();
      if (this.spanEnds.size >= SPAN_END_CACHE_SIZE) this.spanEnds.clear();
      this.spanEnds.set(key, end);
    }
    return new Date(end);
  }

  addMonths(from: Date, months: number): Date {
    const p = this.local.partsOf(from);
    const target = new Date(Date.UTC(p.y, p.m - 1 + months, 1));
    const year = target.getUTCFullYear();
    const month = target.getUTCMonth() + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return this.local.instantOf(year, month, Math.min(p.d, lastDay), p.h, p.mi, p.s, p.ms);
  }
}
