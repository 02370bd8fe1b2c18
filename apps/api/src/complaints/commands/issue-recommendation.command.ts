import { Command } from '@nestjs/cqrs';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { IssueRecommendationInput } from '../inputs/issue-recommendation.input.js';

export class IssueRecommendationCommand extends Command<ComplaintSnapshot> {
  constructor(
    readonly input: IssueRecommendationInput & { readonly complaintId: string },
    readonly request: GraphQLContext,
  ) {
    super();
  }
}
