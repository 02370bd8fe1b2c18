import type { ComplaintStatus } from '#aduan/complaints';
import { Field, InputType } from '@nestjs/graphql';
import { ComplaintStatusEnum } from '../../graphql/enums.js';

@InputType('ComplaintFilter', { description: 'Narrows a complaint list; every part optional.' })
export class ComplaintFilterInput {
  @Field(() => ComplaintStatusEnum, { nullable: true })
  status?: ComplaintStatus | null;

  @Field(() => String, { nullable: true, description: 'Only complaints currently assigned to this agency.' })
  agencyCode?: string | null;
}
