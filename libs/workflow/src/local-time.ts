/** Calendar arithmetic in one IANA time zone, on local dates written YYYY-MM-DD. */
export class LocalTime {
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly partsFormat: Intl.DateTimeFormat;
  private readonly offsetFormat: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    // Throws a RangeError for a zone the runtime does not know.
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.partsFormat = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    this.offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  }

  /** The local date of an instant. */
  dateOf(instant: Date): string {
    return this.dateFormat.format(instant);
  }

  /** The local month of an instant, YYYY-MM. */
  monthOf(instant: Date): string {
    return this.dateOf(instant).slice(0, 7);
  }

  /** The instant a local date begins (its local midnight). */
  startOf(date: string): Date {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return this.instantOf(y, m, d, 0, 0, 0, 0);
  }

  /** The first instant of a local month (YYYY-MM). */
  startOfMonth(month: string): Date {
    return this.startOf(`${month}-01`);
  }

  /** Local wall-clock parts of an instant. */
  partsOf(instant: Date): { y: number; m: number; d: number; h: number; mi: number; s: number; ms: number } {
    const parts = Object.fromEntries(this.partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
    return {
      y: Number(parts.year),
      m: Number(parts.month),
      d: Number(parts.day),
      h: Number(parts.hour),
      mi: Number(parts.minute),
      s: Number(parts.second),
      ms: instant.getUTCMilliseconds(),
    };
  }

  /** The instant of a local wall-clock time (the earlier one where a clock change repeats it). */
  instantOf(y: number, m: number, d: number, h: number, mi: number, s: number, ms: number): Date {
    const wall = Date.UTC(y, m - 1, d, h, mi, s, ms);
    let instant = wall - this.offsetMinutes(new Date(wall)) * 60_000;
    const corrected = wall - this.offsetMinutes(new Date(instant)) * 60_000;
    if (corrected !== instant) instant = corrected;
    return new Date(instant);
  }

  /** Minutes the zone is ahead of UTC at an instant (+420 for WIB). */
  offsetMinutes(instant: Date): number {
    const name = this.offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return match[1] === '-' ? -minutes : minutes;
  }
}

/** The calendar day after a YYYY-MM-DD date (time-zone free). */
export function nextDate(date: string, days = 1): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of the week of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
