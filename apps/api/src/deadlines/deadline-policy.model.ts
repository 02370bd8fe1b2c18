import type { DeadlineRule, Priority } from '#aduan/complaints';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DeadlineRuleEnum, DeadlineSpanUnitEnum, PriorityEnum } from '../workflow/workflow.enums.js';

@ObjectType('DeadlineSpan', { description: 'A length of time a rule allows.' })
export class DeadlineSpanModel {
  @Field({ description: 'As configured, e.g. 3WD, P14D, P3M, PT2S.' })
  text!: string;

  @Field(() => DeadlineSpanUnitEnum)
  unit!: 'ELAPSED' | 'WORKING_DAYS' | 'CALENDAR_MONTHS';

  @Field(() => Float, { description: 'Working days, calendar months, or seconds of elapsed time.' })
  amount!: number;
}

@ObjectType('DeadlinePolicyRule', { description: 'One configured deadline rule for one priority.' })
export class DeadlinePolicyRuleModel {
  @Field(() => DeadlineRuleEnum)
  rule!: DeadlineRule;

  @Field(() => PriorityEnum)
  priority!: Priority;

  @Field(() => DeadlineSpanModel)
  span!: DeadlineSpanModel;

  @Field({ description: 'The environment variable that sets it, e.g. TRIAGE_DEADLINE or URGENT_TRIAGE_DEADLINE.' })
  setting!: string;
}

@ObjectType('PublicHoliday', { description: 'A day off in the working calendar.' })
export class PublicHolidayModel {
  @Field({ description: 'YYYY-MM-DD.' })
  date!: string;

  @Field()
  name!: string;
}

@ObjectType('DeadlinePolicy', {
  description:
    'The deadline policy in force: each rule for each priority, the warning point, the reopen window and the working calendar.',
})
export class DeadlinePolicyModel {
  @Field(() => [DeadlinePolicyRuleModel])
  rules!: DeadlinePolicyRuleModel[];

  @Field(() => Float, {
    description: 'Warnings are given at this fraction of each deadline (DEADLINE_WARNING_FRACTION).',
  })
  warningFraction!: number;

  @Field(() => DeadlineSpanModel, { description: 'How long after closing the reporter may reopen (REOPEN_WINDOW).' })
  reopenWindow!: DeadlineSpanModel;

  @Field(() => DeadlineSpanModel, {
    description:
      'How old a matter may be when reported to the Ombudsman, a precondition of examining it (OMBUDSMAN_REPORT_LIMIT; Law 37/2008 art. 24: two years).',
  })
  ombudsmanReportLimit!: DeadlineSpanModel;

  @Field({ description: 'How often each API instance scans for deadlines due (DEADLINE_SCAN_INTERVAL).' })
  scanInterval!: string;

  @Field({ description: 'Where working days are counted (WORKING_CALENDAR_TIME_ZONE).' })
  timeZone!: string;

  @Field(() => [String], { description: 'Extra days off configured (EXTRA_HOLIDAYS), e.g. cuti bersama.' })
  extraHolidays!: string[];

  @Field(() => Int, {
    description: 'Working days in a deadline of N working days are Monday to Friday minus holidays.',
  })
  workingDaysPerWeek!: number;
}
