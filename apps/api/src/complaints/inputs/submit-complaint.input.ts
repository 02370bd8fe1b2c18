import type { Channel, ComplaintType, Priority, ServiceCategory } from '#aduan/complaints';
import { Field, InputType } from '@nestjs/graphql';
import { ChannelEnum, ComplaintTypeEnum } from '../../graphql/enums.js';
import { PriorityEnum, ServiceCategoryEnum } from '../../workflow/workflow.enums.js';
import { ReporterInput } from './reporter.input.js';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('SubmitComplaintInput', { description: 'A new report. Anyone may submit, with or without a token.' })
export class SubmitComplaintInput {
  @Field({ description: '5–200 characters.' })
  title!: string;

  @Field({ description: '10–5000 characters.' })
  description!: string;

  @Field(() => ComplaintTypeEnum)
  type!: ComplaintType;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => String, { nullable: true, description: 'The agency the reporter addresses, if known (see `agencies`).' })
  agencyCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Hide the reporter from the handling agency.',
  })
  anonymous?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Keep the complaint out of public view.' })
  confidential?: boolean | null;

  @Field(() => ReporterInput, { nullable: true })
  reporter?: ReporterInput | null;

  @Field(() => PriorityEnum, {
    nullable: true,
    description: 'URGENT for health, life and safety (shorter deadlines); NORMAL by default. Operators may change it.',
  })
  priority?: Priority | null;

  @Field(() => ServiceCategoryEnum, { nullable: true, description: 'The public service concerned, if known.' })
  category?: ServiceCategory | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
