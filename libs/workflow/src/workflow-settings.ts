import {
  DEADLINE_RULES,
  parseDeadlineSpan,
  parseIsoDuration,
  type DeadlinePolicy,
  type DeadlineRule,
  type DeadlineSchedule,
  type DeadlineSpan,
  type IsoDuration,
} from '#aduan/complaints';
import { DEFAULT_TIME_ZONE, IndonesianWorkingCalendar } from './indonesian-working-calendar.js';

/** Each rule's setting and defaults: the NORMAL one, and the URGENT one (health, life, safety). */
export const DEADLINE_SETTINGS: Readonly<Record<DeadlineRule, { variable: string; normal: string; urgent: string }>> = {
  TRIAGE: { variable: 'TRIAGE_DEADLINE', normal: '3WD', urgent: '1WD' },
  FOLLOW_UP: { variable: 'FOLLOW_UP_DEADLINE', normal: '5WD', urgent: '1WD' },
  RESPONSE: { variable: 'RESPONSE_DEADLINE', normal: 'P14D', urgent: 'P3D' },
  DISPUTE: { variable: 'DISPUTE_DEADLINE', normal: 'P14D', urgent: 'P7D' },
  DISPUTE_FIELD_CHECK: { variable: 'DISPUTE_FIELD_CHECK_DEADLINE', normal: 'P60D', urgent: 'P30D' },
  CLOSURE: { variable: 'AUTO_CLOSE_AFTER', normal: '10WD', urgent: '10WD' },
  REMEDY: { variable: 'SANCTION_REMEDY_PERIOD', normal: 'P3M', urgent: 'P3M' },
  // Law 37/2008 art. 38(2): "60 (enam puluh) hari" from receipt; the Law says days, not working days.
  RECOMMENDATION: { variable: 'RECOMMENDATION_DEADLINE', normal: 'P60D', urgent: 'P60D' },
};

export interface WebhookSettings {
  /** Shared secret of the SMS gateway: HMAC-SHA256 of the body in X-Aduan-Signature. Unset: the webhook is off. */
  readonly smsSecret: string | null;
  /** The WhatsApp (Meta) app secret: HMAC-SHA256 of the body in X-Hub-Signature-256. Unset: the webhook is off. */
  readonly whatsappAppSecret: string | null;
  /** Answers Meta's subscription handshake (GET hub.verify_token). */
  readonly whatsappVerifyToken: string | null;
}

export interface WorkflowSettings {
  readonly policy: DeadlinePolicy;
  /** How often each API instance looks for deadlines due (DEADLINE_SCAN_INTERVAL). */
  readonly scanInterval: IsoDuration;
  readonly timeZone: string;
  readonly extraHolidays: readonly string[];
  readonly webhooks: WebhookSettings;
}

export class WorkflowSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowSettingsError';
  }
}

/** Reads and checks the workflow's settings once, at start; a bad value stops the process with a clear message. */
export function loadWorkflowSettings(env: NodeJS.ProcessEnv = process.env): WorkflowSettings {
  const normal = {} as Record<DeadlineRule, DeadlineSpan>;
  const urgent = {} as Record<DeadlineRule, DeadlineSpan>;
  for (const rule of DEADLINE_RULES) {
    const { variable, normal: normalDefault, urgent: urgentDefault } = DEADLINE_SETTINGS[rule];
    normal[rule] =
      rule === 'RESPONSE'
        ? elapsed(variable, env[variable] ?? normalDefault)
        : span(variable, env[variable] ?? normalDefault);
    const urgentVariable = `URGENT_${variable}`;
    urgent[rule] = nonEmpty(env[urgentVariable])
      ? span(urgentVariable, env[urgentVariable] as string)
      : shorter(normal[rule], span(urgentVariable, urgentDefault));
  }
  const warningFraction = fraction('DEADLINE_WARNING_FRACTION', env.DEADLINE_WARNING_FRACTION ?? '0.75');
  const timeZone = nonEmpty(env.WORKING_CALENDAR_TIME_ZONE) ?? DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new WorkflowSettingsError(`WORKING_CALENDAR_TIME_ZONE: "${timeZone}" is not an IANA time zone`);
  }
  const extraHolidays = (env.EXTRA_HOLIDAYS ?? '')
    .split(',')
    .map((day) => day.trim())
    .filter((day) => day !== '');
  for (const day of extraHolidays) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
      throw new WorkflowSettingsError(`EXTRA_HOLIDAYS: "${day}" is not a date (YYYY-MM-DD)`);
    }
  }
  return {
    policy: {
      rules: { NORMAL: normal, URGENT: urgent },
      warningFraction,
      reopenWindow: span('REOPEN_WINDOW', env.REOPEN_WINDOW ?? 'P30D'),
      ombudsmanReportLimit: span('OMBUDSMAN_REPORT_LIMIT', env.OMBUDSMAN_REPORT_LIMIT ?? 'P24M'),
    },
    scanInterval: elapsedDuration('DEADLINE_SCAN_INTERVAL', env.DEADLINE_SCAN_INTERVAL ?? 'PT1M'),
    timeZone,
    extraHolidays,
    webhooks: {
      smsSecret: nonEmpty(env.SMS_WEBHOOK_SECRET),
      whatsappAppSecret: nonEmpty(env.WHATSAPP_APP_SECRET),
      whatsappVerifyToken: nonEmpty(env.WHATSAPP_VERIFY_TOKEN),
    },
  };
}

/** The policy and the calendar that decisions start deadlines with. */
export const deadlineScheduleOf = (settings: WorkflowSettings): DeadlineSchedule => ({
  policy: settings.policy,
  calendar: new IndonesianWorkingCalendar({ timeZone: settings.timeZone, extraHolidays: settings.extraHolidays }),
});

function span(variable: string, text: string): DeadlineSpan {
  try {
    return parseDeadlineSpan(text, variable);
  } catch (error) {
    throw new WorkflowSettingsError(
      `${(error as Error).message} (a deadline is an ISO-8601 duration like P14D or PT2S, working days like 3WD, or months like P3M)`,
    );
  }
}

function elapsed(variable: string, text: string): DeadlineSpan {
  const duration = elapsedDuration(variable, text);
  return { unit: 'ELAPSED', text: duration.text, milliseconds: duration.milliseconds };
}

function elapsedDuration(variable: string, text: string): IsoDuration {
  try {
    return parseIsoDuration(text, variable);
  } catch (error) {
    throw new WorkflowSettingsError((error as Error).message);
  }
}

function fraction(variable: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new WorkflowSettingsError(`${variable} must be a number between 0 and 1 (e.g. 0.75), not "${text}"`);
  }
  return value;
}

/** An unset URGENT_ rule is its default, unless the NORMAL one is shorter (e.g. PT2S in tests). */
function shorter(normal: DeadlineSpan, urgent: DeadlineSpan): DeadlineSpan {
  if (normal.unit === 'ELAPSED' && urgent.unit === 'ELAPSED')
    return normal.milliseconds < urgent.milliseconds ? normal : urgent;
  if (normal.unit === 'WORKING_DAYS' && urgent.unit === 'WORKING_DAYS')
    return normal.days < urgent.days ? normal : urgent;
  if (normal.unit === 'CALENDAR_MONTHS' && urgent.unit === 'CALENDAR_MONTHS')
    return normal.months < urgent.months ? normal : urgent;
  if (normal.unit === 'ELAPSED' && urgent.unit !== 'ELAPSED' && normal.milliseconds < 86_400_000) return normal;
  return urgent;
}

function nonEmpty(value: string | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null;
}
