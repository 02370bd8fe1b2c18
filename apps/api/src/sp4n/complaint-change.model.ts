import type { ComplaintStatus } from '#aduan/complaints';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ComplaintStatusEnum } from '../graphql/enums.js';
import { PageInfoModel } from '../graphql/page-info.model.js';

@ObjectType('ComplaintChange', { description: "A complaint's status change, for the national SP4N-LAPOR! system." })
export class ComplaintChangeModel {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => String, { nullable: true, description: 'The national tracking id, for complaints imported from SP4N.' })
  nationalTrackingId!: string | null;

  @Field()
  trackingCode!: string;

  @Field(() => ComplaintStatusEnum, { nullable: true, description: 'Null when the complaint was just received.' })
  previousStatus!: ComplaintStatus | null;

  @Field(() => ComplaintStatusEnum)
  newStatus!: ComplaintStatus;

  @Field({ description: 'The event that changed it, e.g. ComplaintForwarded.' })
  eventType!: string;

  @Field()
  changedAt!: Date;
}

@ObjectType('ComplaintChangeEdge')
export class ComplaintChangeEdgeModel {
  @Field(() => ComplaintChangeModel)
  node!: ComplaintChangeModel;

  @Field()
  cursor!: string;
}

@ObjectType('ComplaintChangeConnection', {
  description:
    'Status changes in store order. Paging with `after` (keep `endCursor`, even from an empty page) never misses or repeats one, even while new ones arrive.',
})
export class ComplaintChangeConnectionModel {
  @Field(() => [ComplaintChangeEdgeModel])
  edges!: ComplaintChangeEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
