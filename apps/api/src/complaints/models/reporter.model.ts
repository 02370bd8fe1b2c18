import { Field, ObjectType } from '@nestjs/graphql';

const ERASED_NOTE = '"[erased]" once the identity was erased (see `erased`).';

@ObjectType('Reporter', {
  description:
    "How to reach the reporter. Personal data: shown only to those allowed, and stored only sealed (AES-256-GCM under the reporter's own key).",
})
export class ReporterModel {
  @Field(() => String, { nullable: true, description: `The name given; null when none was. ${ERASED_NOTE}` })
  name!: string | null;

  @Field(() => String, { nullable: true, description: `The email given; null when none was. ${ERASED_NOTE}` })
  email!: string | null;

  @Field(() => String, { nullable: true, description: `The phone number given; null when none was. ${ERASED_NOTE}` })
  phone!: string | null;

  @Field(() => Boolean, {
    description:
      'True when the reporter\'s identity was erased (eraseReporterIdentity, on this complaint or another of the same account): every part that was given reads "[erased]".',
  })
  erased!: boolean;
}
