import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { VerifyComplaintInput } from '../inputs/verify-complaint.input.js';

export class VerifyComplaintCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: VerifyComplaintInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
