import { Readable } from 'node:stream';
import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AgencyDirectory } from '#aduan/agencies';
import { EVENT_STORE, type EventStore } from '#aduan/event-store';
import { InvalidTokenError, type Caller } from '#aduan/identity';
import { ComplaintSummaryQueries } from '#aduan/projections';
import { ReporterIdentities } from '#aduan/reporter-vault';
import { AgencyTree } from '../agencies/agency-tree.js';
import { canView, officerScopeOf } from '../complaints/complaint-access.js';
import { RUNTIME } from '../runtime/runtime.module.js';
import type { Runtime } from '../runtime/runtime.js';
import { complaintHistoryLines } from './history-export.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OVERSEERS = new Set(['operator', 'ombudsman', 'auditor']);
const PAGE = 100;

/**
 * Histories as JSON Lines (application/x-ndjson), streamed as they are read: one complaint's, or every
 * complaint an agency has handled. Identities are redacted by the same rules as the GraphQL API.
 */
@Controller('export')
export class ExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly queries: ComplaintSummaryQueries,
    @Inject(AgencyDirectory) private readonly agencies: AgencyDirectory,
    @Inject(AgencyTree) private readonly tree: AgencyTree,
    @Inject(ReporterIdentities) private readonly identities: ReporterIdentities,
  ) {}

  @Get('complaints/:id')
  async complaint(
    @Param('id') id: string,
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    const caller = await this.authenticate(authorization, reply);
    if (!caller) return;
    if (!UUID.test(id)) return problem(reply, 400, 'BAD_USER_INPUT', 'The complaint id must be a UUID');
    const scope = officerScopeOf(caller, this.tree);
    const lines = complaintHistoryLines(this.store, this.identities, id.toLowerCase(), caller, scope, (c) =>
      canView(caller, c, scope),
    );
    const first = await lines.next();
    if (first.done) return problem(reply, 404, 'NOT_FOUND', 'No complaint with that id that you may see');
    return send(reply, `complaint-${id}.jsonl`, prepend(first.value, lines));
  }

  @Get('agencies/:code')
  async agency(
    @Param('code') code: string,
    @Headers('authorization') authorization: string | undefined,
    @Res() reply: FastifyReply,
  ) {
    const caller = await this.authenticate(authorization, reply);
    if (!caller) return;
    if (!this.agencies.exists(code)) return problem(reply, 404, 'NOT_FOUND', `No agency has the code ${code}`);
    const ownAgency = caller.role === 'agency_officer' && caller.agencyCode === code;
    if (!OVERSEERS.has(caller.role) && !ownAgency) {
      return problem(reply, 403, 'FORBIDDEN', "Only overseers and the agency's own officers export its history");
    }
    return send(reply, `agency-${code}.jsonl`, this.agencyLines(code, caller));
  }

  private async *agencyLines(code: string, caller: Caller): AsyncGenerator<string> {
    const scope = officerScopeOf(caller, this.tree);
    let after: string | null = null;
    for (;;) {
      const page = await this.queries.list({ scope: { kind: 'agency', agencyCode: code }, first: PAGE, after });
      for (const item of page.items) {
        yield* complaintHistoryLines(this.store, this.identities, item.node.state.id, caller, scope, (c) =>
          canView(caller, c, scope),
        );
      }
      if (!page.hasNextPage) return;
      after = page.endCursor;
    }
  }

  /** Answers the caller, or sends 401 and answers null. An export is never anonymous. */
  private async authenticate(authorization: string | undefined, reply: FastifyReply): Promise<Caller | null> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) {
      await problem(reply, 401, 'UNAUTHENTICATED', 'Exports need a bearer token');
      return null;
    }
    try {
      return await this.runtime.tokenVerifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      await problem(reply, 401, 'UNAUTHENTICATED', error.message);
      return null;
    }
  }
}

function problem(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).type('application/json').send({ error: { code, message } });
}

function send(reply: FastifyReply, filename: string, lines: AsyncIterable<string>) {
  return reply
    .status(200)
    .type('application/x-ndjson; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(lines));
}

async function* prepend(first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}
