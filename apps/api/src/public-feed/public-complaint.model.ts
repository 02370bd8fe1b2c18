import type { ComplaintStatus, ComplaintType, Priority, ServiceCategory } from '#aduan/complaints';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../agencies/agency.model.js';
import { ComplaintStatusEnum, ComplaintTypeEnum } from '../graphql/enums.js';
import { PageInfoModel } from '../graphql/page-info.model.js';
import { PriorityEnum, ServiceCategoryEnum } from '../workflow/workflow.enums.js';

@ObjectType('PublicResponse', { description: "An agency's published answer." })
export class PublicResponseModel {
  @Field(() => AgencyModel)
  agency!: AgencyModel;

  @Field()
  message!: string;

  @Field()
  respondedAt!: Date;

  @Field()
  onTime!: boolean;
}

@ObjectType('PublicComplaint', {
  description:
    'A complaint as the public sees it: what was reported and how the government answered. Never who reported it, and never a confidential complaint.',
})
export class PublicComplaintModel {
  @Field(() => ID)
  id!: string;

  @Field()
  trackingCode!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ComplaintTypeEnum)
  type!: ComplaintType;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category!: ServiceCategory | null;

  @Field(() => PriorityEnum)
  priority!: Priority;

  @Field(() => ComplaintStatusEnum)
  status!: ComplaintStatus;

  @Field(() => AgencyModel, { nullable: true, description: 'The agency handling it.' })
  agency!: AgencyModel | null;

  @Field()
  submittedAt!: Date;

  @Field({ description: 'The legal response deadline.' })
  dueAt!: Date;

  @Field(() => [PublicResponseModel])
  responses!: PublicResponseModel[];

  @Field(() => Date, { nullable: true, description: 'When it went to the Ombudsman.' })
  escalatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}

@ObjectType('PublicComplaintEdge')
export class PublicComplaintEdgeModel {
  @Field(() => PublicComplaintModel)
  node!: PublicComplaintModel;

  @Field()
  cursor!: string;
}

@ObjectType('PublicComplaintConnection', { description: 'A page of the public feed, newest first.' })
export class PublicComplaintConnectionModel {
  @Field(() => [PublicComplaintEdgeModel])
  edges!: PublicComplaintEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
