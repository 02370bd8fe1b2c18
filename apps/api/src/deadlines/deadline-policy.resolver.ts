import { Inject } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DEADLINE_RULES, PRIORITIES, type DeadlineSpan } from '#aduan/complaints';
import type { AppConfig } from '#aduan/infrastructure';
import { DEADLINE_SETTINGS, IndonesianWorkingCalendar } from '#aduan/workflow';
import { APP_CONFIG } from '../config/app-config.token.js';
import { badUserInput } from '../graphql/api-errors.js';
import { DeadlinePolicyModel, PublicHolidayModel, type DeadlineSpanModel } from './deadline-policy.model.js';

const spanModel = (span: DeadlineSpan): DeadlineSpanModel => ({
  text: span.text,
  unit: span.unit,
  amount: span.unit === 'ELAPSED' ? span.milliseconds / 1000 : span.unit === 'WORKING_DAYS' ? span.days : span.months,
});

/** The deadline policy in force, open to everyone: citizens may know how long agencies have. */
@Resolver(() => DeadlinePolicyModel)
export class DeadlinePolicyResolver {
  private readonly calendar: IndonesianWorkingCalendar;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { timeZone, extraHolidays } = config.workflow;
    this.calendar = new IndonesianWorkingCalendar({ timeZone, extraHolidays });
  }

  @Query(() => DeadlinePolicyModel, { description: 'The deadlines complaints run on, as configured.' })
  deadlinePolicy(): DeadlinePolicyModel {
    const { policy, scanInterval, timeZone, extraHolidays } = this.config.workflow;
    return {
      rules: PRIORITIES.flatMap((priority) =>
        DEADLINE_RULES.map((rule) => ({
          rule,
          priority,
          span: spanModel(policy.rules[priority][rule]),
          setting: `${priority === 'URGENT' ? 'URGENT_' : ''}${DEADLINE_SETTINGS[rule].variable}`,
        })),
      ),
      warningFraction: policy.warningFraction,
      reopenWindow: spanModel(policy.reopenWindow),
      ombudsmanReportLimit: spanModel(policy.ombudsmanReportLimit),
      scanInterval: scanInterval.text,
      timeZone,
      extraHolidays: [...extraHolidays],
      workingDaysPerWeek: 5,
    };
  }

  @ResolveField(() => [PublicHolidayModel], {
    description: 'The public holidays of a year (from date-holidays, country ID) plus the extra days off.',
  })
  holidays(
    @Parent() _policy: DeadlinePolicyModel,
    @Args('year', { type: () => Int }) year: number,
  ): PublicHolidayModel[] {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput('year must be between 2000 and 2100');
    const extra = this.config.workflow.extraHolidays
      .filter((date) => date.startsWith(`${year}-`))
      .map((date) => ({ date, name: 'Hari libur tambahan (EXTRA_HOLIDAYS)' }));
    return [...this.calendar.publicHolidays(year), ...extra].sort((a, b) => (a.date < b.date ? -1 : 1));
  }
}
