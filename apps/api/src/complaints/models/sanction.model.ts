import type { SanctionKind } from '#aduan/complaints';
import { Field, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '../../agencies/agency.model.js';
import { SanctionKindEnum } from '../../graphql/enums.js';

@ObjectType('Sanction', { description: 'A sanction the Ombudsman recorded under Law 25/2009 art. 54.' })
export class SanctionModel {
  @Field(() => AgencyModel)
  sanctionedAgency!: AgencyModel;

  @Field(() => String, { nullable: true, description: 'The sanctioned official, when one is named.' })
  officialName!: string | null;

  @Field(() => SanctionKindEnum)
  kind!: SanctionKind;

  @Field()
  reason!: string;

  @Field()
  sanctionedAt!: Date;
}
