import type { EscalationSource } from '#aduan/complaints';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { EscalationSourceEnum } from '../graphql/enums.js';
import { PageInfoModel } from '../graphql/page-info.model.js';

@ObjectType('Escalation', { description: 'A complaint sent to the Ombudsman.' })
export class EscalationModel {
  @Field(() => ID, {
    description:
      'Id of the escalation (its ComplaintEscalated event), stable across read-model rebuilds; acknowledge with it.',
  })
  id!: string;

  @Field(() => ID)
  complaintId!: string;

  @Field()
  reason!: string;

  @Field(() => EscalationSourceEnum)
  source!: EscalationSource;

  @Field()
  escalatedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The agency that held the complaint when it was escalated.' })
  agencyCode!: string | null;
}

@ObjectType('EscalationEdge')
export class EscalationEdgeModel {
  @Field(() => EscalationModel)
  node!: EscalationModel;

  @Field()
  cursor!: string;
}

@ObjectType('EscalationConnection', {
  description:
    'Escalations in store order. Paging with `after` never misses or repeats one, even while new ones arrive.',
})
export class EscalationConnectionModel {
  @Field(() => [EscalationEdgeModel])
  edges!: EscalationEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
