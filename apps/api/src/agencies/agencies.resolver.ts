import { Query, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import { AgencyModel } from './agency.model.js';

@Resolver(() => AgencyModel)
export class AgenciesResolver {
  constructor(private readonly directory: AgencyDirectory) {}

  @Query(() => [AgencyModel], { description: 'The agency directory, open to everyone.' })
  agencies(): AgencyModel[] {
    return this.directory.all().map((agency) => ({ ...agency }));
  }
}
