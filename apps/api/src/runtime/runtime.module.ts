import {
  Global,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AgencyDirectory } from '#aduan/agencies';
import { EVENT_STORE } from '#aduan/event-store';
import {
  ComplaintSummaryQueries,
  ComplaintWorkflowQueries,
  EscalationQueries,
  PublicFeedQueries,
  StatisticsQueries,
} from '#aduan/projections';
import { ReporterIdentities } from '#aduan/reporter-vault';
import { deadlineScheduleOf } from '#aduan/workflow';
import { AgencyTree } from '../agencies/agency-tree.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { ComplaintRepository } from '../complaints/complaint.repository.js';
import { DEADLINE_SCHEDULE } from '../workflow/workflow.tokens.js';
import { CLOCK, type Clock } from './clock.js';
import { Pool } from './pool.token.js';
import { PROJECTOR } from './projector.token.js';
import { Runtime } from './runtime.js';

export const RUNTIME = Symbol('Runtime');

/** Hands the runtime's parts to Nest's container and ties their lifecycle to the application's. */
@Global()
@Module({})
export class RuntimeModule {
  static forRuntime(runtime: Runtime, clock: Clock): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: APP_CONFIG, useValue: runtime.config },
        { provide: CLOCK, useValue: clock },
        { provide: Pool, useValue: runtime.pool },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: AgencyDirectory, useValue: runtime.agencies },
        { provide: PROJECTOR, useValue: runtime.projector },
        { provide: ComplaintSummaryQueries, useValue: runtime.complaintQueries },
        { provide: EscalationQueries, useValue: runtime.escalationQueries },
        { provide: ReporterIdentities, useValue: runtime.reporterIdentities },
        { provide: ComplaintRepository, useValue: new ComplaintRepository(runtime.eventStore) },
        { provide: RuntimeLifecycle, useFactory: () => new RuntimeLifecycle(runtime) },
        // The SP4N-LAPOR! workflow (docs/workflow.md).
        { provide: DEADLINE_SCHEDULE, useValue: deadlineScheduleOf(runtime.config.workflow) },
        { provide: AgencyTree, useValue: new AgencyTree(runtime.agencies) },
        { provide: ComplaintWorkflowQueries, useValue: new ComplaintWorkflowQueries(runtime.readModels) },
        { provide: StatisticsQueries, useValue: new StatisticsQueries(runtime.readModels) },
        { provide: PublicFeedQueries, useValue: new PublicFeedQueries(runtime.readModels) },
      ],
      exports: [
        RUNTIME,
        APP_CONFIG,
        CLOCK,
        Pool,
        EVENT_STORE,
        AgencyDirectory,
        PROJECTOR,
        ComplaintSummaryQueries,
        EscalationQueries,
        ReporterIdentities,
        ComplaintRepository,
        DEADLINE_SCHEDULE,
        AgencyTree,
        ComplaintWorkflowQueries,
        StatisticsQueries,
        PublicFeedQueries,
      ],
    };
  }
}

class RuntimeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly runtime: Runtime) {}

  onApplicationBootstrap(): void {
    this.runtime.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}
