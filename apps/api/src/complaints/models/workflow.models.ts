import type {
  ArchiveReason,
  ClosedBy,
  ConclusionFinding,
  DeadlineKind,
  DeadlineRule,
  DeadlineStatus,
  Priority,
  SanctionKind,
  SanctionLadderStage,
} from '#aduan/complaints';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SanctionKindEnum } from '../../graphql/enums.js';
import {
  ArchiveReasonEnum,
  ClosedByEnum,
  ConclusionFindingEnum,
  DeadlineKindEnum,
  DeadlineRuleEnum,
  DeadlineStatusEnum,
  PriorityEnum,
  SanctionLadderStageEnum,
} from '../../workflow/workflow.enums.js';

@ObjectType('ComplaintDeadline', {
  description: 'One of the clocks that run on a complaint, with the rule it was computed from.',
})
export class ComplaintDeadlineModel {
  @Field(() => DeadlineKindEnum)
  kind!: DeadlineKind;

  @Field(() => DeadlineStatusEnum)
  status!: DeadlineStatus;

  @Field(() => DeadlineRuleEnum, { description: 'The policy rule applied.' })
  rule!: DeadlineRule;

  @Field(() => PriorityEnum, { description: 'The priority whose rule applied.' })
  priority!: Priority;

  @Field(() => String, {
    nullable: true,
    description: 'The rule as configured then, e.g. 3WD or P14D; null for a deadline older than the policy.',
  })
  span!: string | null;

  @Field()
  startedAt!: Date;

  @Field()
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the pre-breach warning is due.' })
  warnAt!: Date | null;

  @Field(() => Date, { nullable: true })
  warnedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the awaited action came, or the deadline stopped applying.' })
  closedAt!: Date | null;
}

@ObjectType('ComplaintHold', { description: 'The report was returned to the reporter for missing information.' })
export class ComplaintHoldModel {
  @Field({ description: 'What the reporter is asked to add.' })
  reason!: string;

  @Field()
  heldAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the reporter added it and triage resumed.' })
  resumedAt!: Date | null;
}

@ObjectType('ComplaintInformation', { description: 'Information the reporter added after filing.' })
export class ComplaintInformationModel {
  @Field()
  text!: string;

  @Field()
  addedAt!: Date;
}

@ObjectType('ComplaintReturn', { description: 'An agency handed the complaint back as not its authority.' })
export class ComplaintReturnModel {
  @Field()
  fromAgencyCode!: string;

  @Field(() => String, { nullable: true, description: 'The parent that received it; null: back to national triage.' })
  toAgencyCode!: string | null;

  @Field()
  reason!: string;

  @Field()
  returnedAt!: Date;
}

@ObjectType('ComplaintArchive', { description: 'Why and when the report was archived at triage.' })
export class ComplaintArchiveModel {
  @Field(() => ArchiveReasonEnum)
  reason!: ArchiveReason;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'The complaint this one duplicates.' })
  duplicateOfId!: string | null;

  @Field()
  archivedAt!: Date;
}

@ObjectType('ComplaintClosure', { description: 'How the complaint was closed.' })
export class ComplaintClosureModel {
  @Field(() => ClosedByEnum)
  closedBy!: ClosedBy;

  @Field()
  closedAt!: Date;

  @Field(() => ConclusionFindingEnum, { nullable: true, description: "The Ombudsman's finding, when it concluded." })
  finding!: ConclusionFinding | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('ComplaintRating', { description: "The reporter's satisfaction with how the complaint was handled." })
export class ComplaintRatingModel {
  @Field(() => Int, { description: '1 (very unsatisfied) to 5 (very satisfied).' })
  rating!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  ratedAt!: Date;
}

@ObjectType('ComplaintReopening', { description: 'The reporter reopened the closed complaint.' })
export class ComplaintReopeningModel {
  @Field()
  reason!: string;

  @Field()
  reopenedAt!: Date;

  @Field()
  toAgencyCode!: string;
}

@ObjectType('SanctionRemedy', { description: 'The Ombudsman recorded that a sanctioned agency remedied its failure.' })
export class SanctionRemedyModel {
  @Field()
  agencyCode!: string;

  @Field()
  note!: string;

  @Field()
  remediedAt!: Date;
}

@ObjectType('SanctionLadder', {
  description:
    'Where the complaint stands on the sanction ladder (Law 25/2009 art. 54): a written reprimand first, release from office when it is not remedied within the REMEDY period, then further tiers. Advisory: the Ombudsman decides.',
})
export class SanctionLadderModel {
  @Field(() => SanctionLadderStageEnum)
  stage!: SanctionLadderStage;

  @Field(() => SanctionKindEnum, { nullable: true })
  latestKind!: SanctionKind | null;

  @Field(() => SanctionKindEnum, { nullable: true, description: 'The tier due next (now, when NEXT_TIER_DUE).' })
  recommendedKind!: SanctionKind | null;

  @Field(() => Date, { nullable: true, description: "When the latest sanction's REMEDY period ends." })
  remedyDueAt!: Date | null;
}
