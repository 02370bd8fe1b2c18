import { Field, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/agency.model.js';

@ObjectType('ComplaintResponse', { description: "An agency's answer to a complaint." })
export class ComplaintResponseModel {
  @Field(() => AgencyModel, { description: 'The agency that answered.' })
  agency!: AgencyModel;

  @Field()
  message!: string;

  @Field()
  respondedAt!: Date;

  @Field({ description: 'Whether the answer came before the legal deadline (dueAt).' })
  onTime!: boolean;
}
