import { loadWorkflowSettings, WorkflowSettingsError } from './workflow-settings.js';

describe('loadWorkflowSettings', () => {
  it('defaults to the SP4N-LAPOR! deadlines', () => {
    const settings = loadWorkflowSettings({});
    const text = (priority: 'NORMAL' | 'URGENT') =>
      Object.fromEntries(Object.entries(settings.policy.rules[priority]).map(([rule, span]) => [rule, span.text]));
    expect(text('NORMAL')).toEqual({
      TRIAGE: '3WD',
      FOLLOW_UP: '5WD',
      RESPONSE: 'P14D',
      DISPUTE: 'P14D',
      DISPUTE_FIELD_CHECK: 'P60D',
      CLOSURE: '10WD',
      REMEDY: 'P3M',
      RECOMMENDATION: 'P60D',
    });
    expect(text('URGENT')).toEqual({
      TRIAGE: '1WD',
      FOLLOW_UP: '1WD',
      RESPONSE: 'P3D',
      DISPUTE: 'P7D',
      DISPUTE_FIELD_CHECK: 'P30D',
      CLOSURE: '10WD',
      REMEDY: 'P3M',
      RECOMMENDATION: 'P60D',
    });
    expect(settings).toMatchObject({
      policy: {
        warningFraction: 0.75,
        reopenWindow: { text: 'P30D' },
        ombudsmanReportLimit: { unit: 'CALENDAR_MONTHS', months: 24 },
      },
      scanInterval: { text: 'PT1M', milliseconds: 60_000 },
      timeZone: 'Asia/Jakarta',
      extraHolidays: [],
      webhooks: { smsSecret: null, whatsappAppSecret: null, whatsappVerifyToken: null },
    });
  });

  it('reads every setting from the environment', () => {
    const settings = loadWorkflowSettings({
      RESPONSE_DEADLINE: 'PT2S',
      TRIAGE_DEADLINE: '2wd',
      URGENT_TRIAGE_DEADLINE: 'PT4H',
      DEADLINE_WARNING_FRACTION: '0.5',
      DEADLINE_SCAN_INTERVAL: 'PT1S',
      REOPEN_WINDOW: '15WD',
      RECOMMENDATION_DEADLINE: '60WD',
      OMBUDSMAN_REPORT_LIMIT: 'P36M',
      WORKING_CALENDAR_TIME_ZONE: 'Asia/Makassar',
      EXTRA_HOLIDAYS: '2025-03-28, 2025-04-02',
      SMS_WEBHOOK_SECRET: 's',
    });
    expect(settings.policy.rules.NORMAL.RESPONSE).toEqual({ unit: 'ELAPSED', text: 'PT2S', milliseconds: 2000 });
    // An unset urgent rule never outlasts the normal one: PT2S stays PT2S for urgent complaints.
    expect(settings.policy.rules.URGENT.RESPONSE.text).toBe('PT2S');
    expect(settings.policy.rules.NORMAL.TRIAGE).toEqual({ unit: 'WORKING_DAYS', text: '2WD', days: 2 });
    expect(settings.policy.rules.URGENT.TRIAGE.text).toBe('PT4H');
    // Working days, for an office that counts the Law's 60 days so; the unset urgent rule keeps its default.
    expect(settings.policy.rules.NORMAL.RECOMMENDATION).toEqual({ unit: 'WORKING_DAYS', text: '60WD', days: 60 });
    expect(settings.policy.rules.URGENT.RECOMMENDATION.text).toBe('P60D');
    expect(settings.policy.ombudsmanReportLimit).toEqual({ unit: 'CALENDAR_MONTHS', text: 'P36M', months: 36 });
    expect(settings).toMatchObject({
      policy: { warningFraction: 0.5, reopenWindow: { text: '15WD' } },
      scanInterval: { milliseconds: 1000 },
      timeZone: 'Asia/Makassar',
      extraHolidays: ['2025-03-28', '2025-04-02'],
      webhooks: { smsSecret: 's' },
    });
  });

  it.each([
    [{ TRIAGE_DEADLINE: 'three days' }, /TRIAGE_DEADLINE/],
    [{ RESPONSE_DEADLINE: '14WD' }, /RESPONSE_DEADLINE/],
    [{ DEADLINE_WARNING_FRACTION: '1.5' }, /DEADLINE_WARNING_FRACTION/],
    [{ DEADLINE_SCAN_INTERVAL: 'P1M' }, /DEADLINE_SCAN_INTERVAL/],
    [{ WORKING_CALENDAR_TIME_ZONE: 'Mars/Olympus' }, /WORKING_CALENDAR_TIME_ZONE/],
    [{ EXTRA_HOLIDAYS: '28-03-2025' }, /EXTRA_HOLIDAYS/],
    [{ SANCTION_REMEDY_PERIOD: '0WD' }, /SANCTION_REMEDY_PERIOD/],
    [{ RECOMMENDATION_DEADLINE: 'sixty days' }, /RECOMMENDATION_DEADLINE/],
    [{ OMBUDSMAN_REPORT_LIMIT: 'P2Y' }, /OMBUDSMAN_REPORT_LIMIT/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => loadWorkflowSettings(env)).toThrow(WorkflowSettingsError);
    expect(() => loadWorkflowSettings(env)).toThrow(message);
  });
});
