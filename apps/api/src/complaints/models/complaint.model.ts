import type { Channel, Complaint, ComplaintStatus, ComplaintType } from '#aduan/complaints';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/agency.model.js';
import { ChannelEnum, ComplaintStatusEnum, ComplaintTypeEnum } from '../../graphql/enums.js';
import { ComplaintEscalationModel } from './complaint-escalation.model.js';
import { ComplaintResponseModel } from './complaint-response.model.js';
import { SanctionModel } from './sanction.model.js';

@ObjectType('Complaint', { description: 'A report from a citizen and everything that happened to it.' })
export class ComplaintModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short public reference for the reporter, e.g. LPR-7K2M-9QXA-3DTE.' })
  trackingCode!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ComplaintTypeEnum)
  type!: ComplaintType;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => ComplaintStatusEnum)
  status!: ComplaintStatus;

  @Field({ description: 'The reporter asked that the handling agency never learn who they are.' })
  anonymous!: boolean;

  @Field({ description: 'The reporter asked that the complaint not be shown publicly.' })
  confidential!: boolean;

  @Field(() => AgencyModel, { nullable: true, description: 'The agency the reporter addressed, if any.' })
  requestedAgency!: AgencyModel | null;

  @Field(() => AgencyModel, { nullable: true, description: 'The agency that must answer now; null until forwarded.' })
  assignedAgency!: AgencyModel | null;

  @Field({ description: 'When the report was received.' })
  submittedAt!: Date;

  @Field({ description: 'The legal response deadline (Law 25/2009; RESPONSE_DEADLINE after receipt).' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the agency last answered.' })
  respondedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the complaint went to the Ombudsman.' })
  escalatedAt!: Date | null;

  @Field(() => Int, {
    description:
      'Stream revision of the last event (0-based): pass it as expectedVersion to guard against lost updates.',
  })
  version!: number;

  @Field(() => [ComplaintResponseModel])
  responses!: ComplaintResponseModel[];

  @Field(() => ComplaintEscalationModel, { nullable: true })
  escalation!: ComplaintEscalationModel | null;

  @Field(() => [SanctionModel])
  sanctions!: SanctionModel[];

  /** The state behind this view, for field resolvers that decide what the caller may see. */
  complaint!: Complaint;
}
