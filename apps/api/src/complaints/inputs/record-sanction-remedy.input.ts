import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field.js';

@InputType('RecordSanctionRemedyInput', {
  description: 'The Ombudsman records that a sanctioned agency remedied its failure.',
})
export class RecordSanctionRemedyInput {
  @Field(() => ID)
  complaintId!: string;

  @Field(() => String, { description: 'What the agency did, 5–2000 characters.' })
  note!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one answers CONFLICT.' })
  expectedVersion?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
