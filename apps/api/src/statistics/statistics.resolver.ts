import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import type { ServiceCategory } from '#aduan/complaints';
import type { AppConfig } from '#aduan/infrastructure';
import { StatisticsQueries } from '#aduan/projections';
import { LocalTime } from '#aduan/workflow';
import { AgencyTree } from '../agencies/agency-tree.js';
import { describeAgency } from '../complaints/complaint-view.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { apiError, badUserInput } from '../graphql/api-errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { ComplaintStatisticsModel } from './statistics.model.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 36;

/** Public statistics: SP4N-LAPOR! publishes how agencies answer, and marks those that do not. */
@Resolver(() => ComplaintStatisticsModel)
export class StatisticsResolver {
  private readonly local: LocalTime;

  constructor(
    private readonly statistics: StatisticsQueries,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.local = new LocalTime(config.workflow.timeZone);
  }

  @Query(() => ComplaintStatisticsModel, {
    description:
      'Per agency and per service category, for each month from fromMonth to toMonth (YYYY-MM, at most 36 months): received, verified, answered (on time), response times, escalations, sanctions, satisfaction and the red mark. Open to everyone.',
  })
  async complaintStatistics(
    @RequestContext() _request: GraphQLContext,
    @Args('fromMonth') fromMonth: string,
    @Args('toMonth', { type: () => String, nullable: true, description: 'Defaults to fromMonth.' })
    toMonth?: string | null,
    @Args('agencyCode', { type: () => String, nullable: true, description: 'Only this agency (and its sub-units).' })
    agencyCode?: string | null,
  ): Promise<ComplaintStatisticsModel> {
    const to = toMonth ?? fromMonth;
    const from = monthIndex(fromMonth, 'fromMonth');
    const until = monthIndex(to, 'toMonth');
    if (until < from) throw badUserInput('toMonth must not be before fromMonth', { field: 'toMonth' });
    if (until - from + 1 > MAX_MONTHS) throw badUserInput(`At most ${MAX_MONTHS} months at once`, { field: 'toMonth' });
    if (agencyCode && !this.agencies.exists(agencyCode)) {
      throw apiError('NOT_FOUND', `No agency has the code ${agencyCode}`, { field: 'agencyCode' });
    }
    const query = {
      fromMonth,
      toMonth: to,
      from: this.local.startOfMonth(fromMonth),
      until: this.local.startOfMonth(monthText(until + 1)),
      timeZone: this.local.timeZone,
      agencyCodes: agencyCode ? [agencyCode, ...this.tree.descendantsOf(agencyCode)] : null,
    };
    const [byAgency, byCategory] = await Promise.all([
      this.statistics.byAgency(query),
      this.statistics.byCategory(query),
    ]);
    return {
      fromMonth,
      toMonth: to,
      timeZone: this.local.timeZone,
      byAgency: byAgency.map((row) => ({
        ...row,
        agency: row.agencyCode ? describeAgency(row.agencyCode, this.agencies) : null,
      })),
      byCategory: byCategory.map((row) => ({ ...row, category: row.category as ServiceCategory | null })),
    };
  }
}

function monthIndex(month: string, field: string): number {
  const match = MONTH.exec(month);
  if (!match) throw badUserInput(`${field} must be a month, YYYY-MM, not "${month.slice(0, 20)}"`, { field });
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

const monthText = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
