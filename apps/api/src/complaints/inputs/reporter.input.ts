import { Field, InputType } from '@nestjs/graphql';

@InputType('ReporterInput', { description: "The reporter's contact; every part optional." })
export class ReporterInput {
  @Field(() => String, { nullable: true, description: 'Up to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'An Indonesian phone number: +62…, 62… or 0….' })
  phone?: string | null;
}
