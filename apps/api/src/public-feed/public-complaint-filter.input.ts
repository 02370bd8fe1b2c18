import type { ComplaintStatus, ComplaintType } from '#aduan/complaints';
import { Field, InputType } from '@nestjs/graphql';
import { ComplaintStatusEnum, ComplaintTypeEnum } from '../graphql/enums.js';

@InputType('PublicComplaintFilter', { description: 'Narrows the public feed; every part optional.' })
export class PublicComplaintFilterInput {
  @Field(() => String, { nullable: true, description: 'Only complaints currently with this agency.' })
  agencyCode?: string | null;

  @Field(() => ComplaintStatusEnum, { nullable: true })
  status?: ComplaintStatus | null;

  @Field(() => ComplaintTypeEnum, { nullable: true })
  type?: ComplaintType | null;
}
