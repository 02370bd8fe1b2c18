import type { EscalationSource } from '#aduan/complaints';
import { Field, ObjectType } from '@nestjs/graphql';
import { EscalationSourceEnum } from '../../graphql/enums.js';

@ObjectType('ComplaintEscalation', { description: 'How and why the complaint went to the Ombudsman.' })
export class ComplaintEscalationModel {
  @Field()
  reason!: string;

  @Field(() => EscalationSourceEnum)
  source!: EscalationSource;

  @Field(() => String, { nullable: true, description: 'The agency holding the complaint when it was escalated.' })
  agencyCode!: string | null;

  @Field()
  escalatedAt!: Date;
}
