import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import type { ImportSp4nComplaintInput } from './import-sp4n-complaint.input.js';

export class ImportSp4nComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: ImportSp4nComplaintInput,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
