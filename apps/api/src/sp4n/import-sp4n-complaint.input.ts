import type { ComplaintType } from '#aduan/complaints';
import { Field, InputType } from '@nestjs/graphql';
import { ComplaintTypeEnum } from '../graphql/enums.js';
import { ReporterInput } from '../complaints/inputs/reporter.input.js';
import { IdempotencyKeyField } from '../idempotency/idempotency-key.field.js';

@InputType('ImportSp4nComplaintInput', {
  description: 'A complaint received by the national SP4N-LAPOR! system, handed over to Aduan (sp4n).',
})
export class ImportSp4nComplaintInput {
  @Field({
    description:
      "The national system's tracking id (3–100 letters, digits, '.', '_', '-', '/'). Importing it again returns the same complaint and writes nothing.",
  })
  nationalTrackingId!: string;

  @Field({ description: '5–200 characters.' })
  title!: string;

  @Field({ description: '10–5000 characters.' })
  description!: string;

  @Field(() => ComplaintTypeEnum)
  type!: ComplaintType;

  @Field(() => String, { nullable: true, description: 'The agency the reporter addressed, if known.' })
  agencyCode?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Hide the reporter from the agency.' })
  anonymous?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Keep the complaint out of public view.' })
  confidential?: boolean | null;

  @Field(() => ReporterInput, { nullable: true })
  reporter?: ReporterInput | null;

  @Field({ description: 'When the national system received it; deadlines count from then. Not in the future.' })
  receivedAt!: Date;

  /** Imports are idempotent on `nationalTrackingId` already; the key is accepted as on every mutation. */
  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
