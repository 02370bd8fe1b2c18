import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { ServiceCategory } from '#aduan/complaints';
import { AgencyModel } from '../agencies/agency.model.js';
import { ServiceCategoryEnum } from '../workflow/workflow.enums.js';

@ObjectType({ isAbstract: true })
export abstract class StatisticsFiguresModel {
  @Field({ description: 'The month of receipt, YYYY-MM (in the working calendar’s time zone).' })
  period!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Int, { description: 'Verified by an operator (explicitly, or by being forwarded).' })
  verified!: number;

  @Field(() => Int, { description: 'Answered at least once.' })
  responded!: number;

  @Field(() => Int, { description: 'First answer by the legal deadline.' })
  respondedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'respondedOnTime / responded, in percent.' })
  respondedOnTimePercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median seconds from receipt to the first answer.' })
  medianResponseSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of seconds from receipt to the first answer.' })
  p90ResponseSeconds!: number | null;

  @Field(() => Int, { description: 'Sent to the Ombudsman (automatically, disputed, or by an operator).' })
  escalated!: number;

  @Field(() => Int, { description: 'With at least one sanction.' })
  sanctioned!: number;

  @Field(() => Int, { description: 'Rated by their reporters.' })
  ratings!: number;

  @Field(() => Float, { nullable: true, description: 'Average satisfaction rating, 1–5.' })
  satisfactionAverage!: number | null;

  @Field(() => Int, { description: 'Whose RESPONSE deadline passed without an answer.' })
  missedResponseDeadline!: number;

  @Field({ description: 'The red mark: complaints went unanswered past the legal deadline.' })
  redMark!: boolean;

  @Field(() => Int, { description: 'Escalated reports the Ombudsman accepted for examination (Law 37/2008 art. 24).' })
  ombudsmanAccepted!: number;

  @Field(() => Int, { description: 'Escalated reports the Ombudsman did not accept for examination (art. 36).' })
  ombudsmanRejected!: number;

  @Field(() => Int, { description: 'With at least one Ombudsman recommendation.' })
  recommended!: number;

  @Field(() => Int, { description: 'Whose every recommendation was reported implemented (in time or late).' })
  recommendationImplemented!: number;

  @Field(() => Int, {
    description:
      'With a recommendation whose RECOMMENDATION deadline (60 days) passed without the implementation report.',
  })
  recommendationOverdue!: number;
}

@ObjectType('AgencyStatistics', { description: "An agency's complaints received in one month, and how they fared." })
export class AgencyStatisticsModel extends StatisticsFiguresModel {
  @Field(() => String, { nullable: true, description: 'Null: national triage (not yet with an agency).' })
  agencyCode!: string | null;

  @Field(() => AgencyModel, { nullable: true })
  agency!: AgencyModel | null;
}

@ObjectType('CategoryStatistics', { description: "One service category's complaints received in one month." })
export class CategoryStatisticsModel extends StatisticsFiguresModel {
  @Field(() => ServiceCategoryEnum, { nullable: true, description: 'Null: not yet classified.' })
  category!: ServiceCategory | null;
}

@ObjectType('ComplaintStatistics', {
  description:
    'Statistics per agency and per service category, by month of receipt. A complaint counts for the agency holding it (national triage while none does).',
})
export class ComplaintStatisticsModel {
  @Field()
  fromMonth!: string;

  @Field()
  toMonth!: string;

  @Field()
  timeZone!: string;

  @Field(() => [AgencyStatisticsModel])
  byAgency!: AgencyStatisticsModel[];

  @Field(() => [CategoryStatisticsModel])
  byCategory!: CategoryStatisticsModel[];
}
