import { InvalidComplaintInput } from './complaint.errors.js';

/**
 * An ISO-8601 duration limited to what deadlines need: days/weeks and a time part
 * (P14D, P2W, PT2S, P1DT12H). Years and months are refused: their length varies and
 * a legal deadline stated in days must not drift with the calendar.
 */
export interface IsoDuration {
  readonly text: string;
  readonly milliseconds: number;
}

// Deadlines beyond this are configuration mistakes, and far-future dates overflow Date.
const MAX_MILLISECONDS = 3653 * 86_400_000;

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseIsoDuration(text: string, field = 'duration'): IsoDuration {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    throw new InvalidComplaintInput(
      field,
      `"${text}" is not an ISO-8601 duration in weeks, days, hours, minutes or seconds (e.g. P14D, PT2S)`,
    );
  }
  const [, weeks, days, hours, minutes, seconds] = match;
  const milliseconds =
    Number(weeks ?? 0) * 604_800_000 +
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Math.round(Number(seconds ?? 0) * 1000);
  if (milliseconds <= 0) throw new InvalidComplaintInput(field, `"${text}" must be longer than zero`);
  if (milliseconds > MAX_MILLISECONDS) throw new InvalidComplaintInput(field, `"${text}" is longer than ten years`);
  return { text, milliseconds };
}

export const addDuration = (instant: Date, duration: IsoDuration): Date =>
  new Date(instant.getTime() + duration.milliseconds);
