/**
 * Log lines about unexpected errors must carry no personal data (a reporter's name, email, phone),
 * yet error messages often quote the value that failed. The line keeps what helps a developer (the
 * error's class, codes, PostgreSQL's table and constraint, the stack frames) and masks the rest:
 * anything quoted, email addresses and long runs of digits.
 */
export function describeErrorForLog(error: unknown): string {
  const frames = isErrorLike(error) ? stackFrames(error) : [];
  return [describeErrorBriefly(error), ...frames].join('\n');
}

/** The same without stack frames, for one-line reports (a status, an expected failure and its retry). */
export function describeErrorBriefly(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4 && !seen.has(current); depth++) {
    seen.add(current);
    parts.push((depth === 0 ? '' : 'caused by ') + describeOne(current));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('; ');
}

const MAX_MESSAGE_LENGTH = 300;
const MAX_FRAMES = 12;

/** Masks quoted text, email addresses and long numbers (phone numbers, ids of people). */
export function redactPersonalData(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/`(?:[^`\\]|\\.)*`/g, '`…`')
    .replace(/“[^”]*”/g, '“…”')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]')
    .replace(/\+?\d[\d\s().-]{5,}\d/g, '[number]');
}

function describeOne(error: unknown): string {
  if (!isErrorLike(error)) return `non-error value of type ${typeof error}`;
  const details = error as Error & {
    code?: unknown;
    table?: unknown;
    column?: unknown;
    constraint?: unknown;
    routine?: unknown;
  };
  const facts = [
    typeof details.code === 'string' || typeof details.code === 'number' ? `code=${details.code}` : null,
    typeof details.table === 'string' ? `table=${details.table}` : null,
    typeof details.column === 'string' ? `column=${details.column}` : null,
    typeof details.constraint === 'string' ? `constraint=${details.constraint}` : null,
    typeof details.routine === 'string' ? `routine=${details.routine}` : null,
  ].filter((fact): fact is string => fact !== null);
  const message = redactPersonalData(error.message).slice(0, MAX_MESSAGE_LENGTH);
  return `${error.name || 'Error'}: ${message}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}

/** Errors from another realm (a VM context) fail `instanceof Error`; their shape is what matters. */
function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string';
}

/** The "at …" lines of the stack: code locations, never the message repeated in its first line. */
function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => redactPersonalData(line));
}
