import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AgencyDirectory } from '#aduan/agencies';
import { complaintId } from '../graphql/arguments.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RequestContext } from '../graphql/request-context.decorator.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency-key.field.js';
import { AgencyTree } from '../agencies/agency-tree.js';
import { canSeeReporter, officerScopeOf } from './complaint-access.js';
import { toComplaintModel } from './complaint-view.js';
import { EraseReporterIdentityCommand } from './commands/erase-reporter-identity.command.js';
import { ComplaintModel } from './models/complaint.model.js';
import { ReporterModel } from './models/reporter.model.js';
import { ReporterContacts } from './reporter-contacts.js';

/** The reporter's identity on a complaint: who may see it, and its erasure. */
@Resolver(() => ComplaintModel)
export class ReporterIdentityResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly contacts: ReporterContacts,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    private readonly tree: AgencyTree,
  ) {}

  @ResolveField(() => ReporterModel, {
    nullable: true,
    description:
      'The reporter, where the caller may see them; never shown to agencies for an anonymous report. Its parts read "[erased]" once the identity was erased.',
  })
  async reporter(
    @Parent() complaint: ComplaintModel,
    @RequestContext() request: GraphQLContext,
  ): Promise<ReporterModel | null> {
    if (!complaint.complaint.reporter) return null;
    const scope = officerScopeOf(request.caller, this.tree);
    if (!complaint.reporterAccess && !canSeeReporter(request.caller, complaint.complaint, scope)) return null;
    if (complaint.openedReporter !== undefined) return complaint.openedReporter;
    return this.contacts.view(complaint.complaint);
  }

  @Mutation(() => ComplaintModel, {
    description:
      "Erases the reporter's identity on their request (Law 27/2022 on Personal Data Protection; operator). The data key their " +
      "contact is sealed under is destroyed: for a complaint filed from a citizen account that is the account's key, so the " +
      'identity reads "[erased]" on every complaint of that account sealed under it. Recorded as ReporterIdentityErased (who, ' +
      'when); histories still replay and verify. Erasing again changes nothing.',
  })
  async eraseReporterIdentity(
    @Args('complaintId', { type: () => ID }) id: string,
    @RequestContext() request: GraphQLContext,
    // Read by IdempotencyInterceptor.
    @Args('idempotencyKey', { type: () => String, nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
    _idempotencyKey?: string | null,
  ): Promise<ComplaintModel> {
    const snapshot = await this.commands.execute(
      new EraseReporterIdentityCommand(complaintId(id, 'complaintId'), request),
    );
    return toComplaintModel(snapshot, this.agencies);
  }
}
