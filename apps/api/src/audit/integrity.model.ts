import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Integrity', { description: "Whether a complaint's stream still matches its hash chain." })
export class IntegrityModel {
  @Field({ description: 'True when every event still matches its hash and points at the one before it.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Events checked.' })
  eventsChecked!: number;

  @Field(() => String, { nullable: true, description: 'Hash of the last event (SHA-256, hex): compare it over time.' })
  headHash!: string | null;

  @Field(() => Int, { nullable: true, description: 'Revision of the first link that does not hold.' })
  firstBrokenRevision!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it does not hold: content-changed, previous-hash-mismatch, revision-gap or unhashed.',
  })
  reason!: string | null;
}
