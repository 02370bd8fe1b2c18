import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Reporter', { description: 'How to reach the reporter. Personal data: shown only to those allowed.' })
export class ReporterModel {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}
