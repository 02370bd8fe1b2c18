import type { Channel, Complaint, ComplaintStatus, ComplaintType, Priority, ServiceCategory } from '#aduan/complaints';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ContactView } from '#aduan/reporter-vault';
import { AgencyModel } from '../../agencies/agency.model.js';
import { ChannelEnum, ComplaintStatusEnum, ComplaintTypeEnum } from '../../graphql/enums.js';
import { ComplaintEscalationModel } from './complaint-escalation.model.js';
import { ComplaintResponseModel } from './complaint-response.model.js';
import { OmbudsmanExaminationModel } from './ombudsman-examination.models.js';
import { SanctionModel } from './sanction.model.js';
import { PriorityEnum, ServiceCategoryEnum } from '../../workflow/workflow.enums.js';
import {
  ComplaintArchiveModel,
  ComplaintClosureModel,
  ComplaintDeadlineModel,
  ComplaintHoldModel,
  ComplaintInformationModel,
  ComplaintRatingModel,
  ComplaintReopeningModel,
  ComplaintReturnModel,
  SanctionLadderModel,
  SanctionRemedyModel,
} from './workflow.models.js';

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

  @Field(() => String, {
    nullable: true,
    description: 'Imported from SP4N-LAPOR!: the national tracking id; null for complaints filed here.',
  })
  nationalTrackingId?: string | null;

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

  @Field(() => PriorityEnum, { description: 'URGENT (health, life, safety) runs on shorter deadlines.' })
  priority!: Priority;

  @Field(() => ServiceCategoryEnum, { nullable: true, description: 'The public service concerned, set at triage.' })
  category!: ServiceCategory | null;

  @Field(() => Date, {
    nullable: true,
    description: "When an operator verified the report (an operator's forward of an unverified report verifies it).",
  })
  verifiedAt!: Date | null;

  @Field(() => [ComplaintDeadlineModel], {
    description: 'Every deadline of the complaint, running or past, with the rule each was computed from.',
  })
  deadlines!: ComplaintDeadlineModel[];

  @Field(() => [ComplaintHoldModel], { description: 'Each time the report was returned for missing information.' })
  holds!: ComplaintHoldModel[];

  @Field(() => [ComplaintInformationModel], { description: 'Information the reporter added after filing.' })
  information!: ComplaintInformationModel[];

  @Field(() => [ComplaintReturnModel], { description: 'Each hand-back by an agency as not its authority.' })
  returns!: ComplaintReturnModel[];

  @Field(() => ComplaintArchiveModel, { nullable: true })
  archive!: ComplaintArchiveModel | null;

  @Field(() => ComplaintClosureModel, { nullable: true, description: 'How it was closed; null while open.' })
  closure!: ComplaintClosureModel | null;

  @Field(() => ComplaintRatingModel, { nullable: true, description: "The reporter's latest satisfaction rating." })
  rating!: ComplaintRatingModel | null;

  @Field(() => [ComplaintReopeningModel])
  reopenings!: ComplaintReopeningModel[];

  @Field(() => Date, { nullable: true, description: 'When the Ombudsman ordered a field check.' })
  fieldCheckOrderedAt!: Date | null;

  @Field(() => SanctionLadderModel, { description: 'The sanction tier due next under Law 25/2009 art. 54 (advisory).' })
  sanctionLadder!: SanctionLadderModel;

  @Field(() => [SanctionRemedyModel])
  remedies!: SanctionRemedyModel[];

  @Field(() => OmbudsmanExaminationModel, {
    nullable: true,
    description:
      "The Ombudsman's handling once escalated: accepted for examination or not (Law 37/2008), recommendations and their implementation. Null while the complaint was never escalated.",
  })
  ombudsmanExamination!: OmbudsmanExaminationModel | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The secret access key of a reporter without an account (or an anonymous one): answered once, by submitComplaint, and stored only as a hash. With the tracking code it follows, completes, closes, rates, disputes or reopens the complaint.',
  })
  accessKey!: string | null;

  /** The state behind this view, for field resolvers that decide what the caller may see. */
  complaint!: Complaint;

  /** Set when the caller proved with the access key that they are the reporter. */
  reporterAccess?: boolean;

  /** The reporter's contact already opened for this caller: histories open it once for every `stateAfter`. */
  openedReporter?: ContactView | null;
}
