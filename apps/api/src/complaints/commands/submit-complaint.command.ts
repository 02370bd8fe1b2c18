import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { SubmitComplaintInput } from '../inputs/submit-complaint.input.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';

/** The submitted complaint, with the access key handed to a reporter without an account (once, never stored). */
export interface SubmittedComplaint extends ComplaintSnapshot {
  readonly accessKey: string | null;
}

export class SubmitComplaintCommand extends Command<SubmittedComplaint> {
  constructor(
    readonly input: SubmitComplaintInput,
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
