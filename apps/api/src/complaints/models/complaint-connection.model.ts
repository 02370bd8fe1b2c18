import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../graphql/page-info.model.js';
import { ComplaintModel } from './complaint.model.js';

@ObjectType('ComplaintEdge')
export class ComplaintEdgeModel {
  @Field(() => ComplaintModel)
  node!: ComplaintModel;

  @Field()
  cursor!: string;
}

@ObjectType('ComplaintConnection', { description: 'A page of complaints, newest first.' })
export class ComplaintConnectionModel {
  @Field(() => [ComplaintEdgeModel])
  edges!: ComplaintEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
