import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { RecordSanctionRemedyInput } from '../inputs/record-sanction-remedy.input.js';

export class RecordSanctionRemedyCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: RecordSanctionRemedyInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
