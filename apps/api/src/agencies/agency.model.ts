import type { AgencyLevel } from '#aduan/agencies';
import { Field, ObjectType } from '@nestjs/graphql';
import { AgencyLevelEnum } from '../graphql/enums.js';

@ObjectType('Agency', { description: 'A government body complaints can be routed to.' })
export class AgencyModel {
  @Field({ description: 'Stable code, e.g. KAB-BANJAR-DINKES.' })
  code!: string;

  @Field({ description: 'Official name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The parent in the agency tree; null at the top.' })
  parentCode!: string | null;

  @Field(() => AgencyLevelEnum, { description: 'Tier in the agency tree.' })
  level!: AgencyLevel;

  @Field(() => String, {
    nullable: true,
    description: 'First word of an SMS to the short number that routes to this agency (e.g. BANJAR).',
  })
  smsKeyword!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Regional Ombudsman offices: the province whose escalations the office handles (e.g. PROV-KALSEL).',
  })
  jurisdictionCode?: string | null;
}
