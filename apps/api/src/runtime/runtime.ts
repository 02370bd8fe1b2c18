import { loadAgencyDirectory, type AgencyDirectory } from '#aduan/agencies';
import type { EventStore } from '#aduan/event-store';
import { Hs256TokenVerifier, type TokenVerifier } from '#aduan/identity';
import { createPool, describeErrorBriefly, type Pool, withDatabaseTimeouts } from '#aduan/postgres';
import {
  createConfiguredEventStore,
  createReadModelProjector,
  FaultInjector,
  NotifyingEventStore,
  ProjectorThread,
  type AppConfig,
  type Logger,
} from '#aduan/infrastructure';
import {
  ComplaintSummaryQueries,
  createReadModelDataSource,
  EscalationQueries,
  migrateReadModels,
  type ProjectorControl,
} from '#aduan/projections';
import { PostgresKeyVault, ReporterIdentities } from '#aduan/reporter-vault';
import type { DataSource } from 'typeorm';

export interface RuntimeOptions {
  /**
   * Node options of the projector's worker thread (PROJECTOR_MODE=thread); by default the process's
   * own. Tests that run the TypeScript sources in jest pass the scripts/run-ts loader here.
   */
  readonly projectorThreadExecArgv?: readonly string[];
}

/**
 * Everything the API runs on, built and torn down outside Nest's container so the CLI and the
 * tests can use the same wiring: the pool, the event store, the read models and their projector,
 * and the reporters' key vault.
 */
export class Runtime {
  private constructor(
    readonly config: AppConfig,
    readonly pool: Pool,
    readonly eventStore: EventStore,
    readonly readModels: DataSource,
    /** The read-model projector, in a worker thread or in this one (PROJECTOR_MODE). */
    readonly projector: ProjectorControl,
    readonly agencies: AgencyDirectory,
    readonly tokenVerifier: TokenVerifier,
    readonly complaintQueries: ComplaintSummaryQueries,
    readonly escalationQueries: EscalationQueries,
    readonly reporterIdentities: ReporterIdentities,
    private readonly logger: Logger,
  ) {}

  /**
   * Connects, migrates the event store and read models. The projector is started separately. Every
   * pool is bounded by the configured timeouts, so a lost database answers errors, not hangs.
   */
  static async open(
    config: AppConfig,
    databaseUrl: string,
    logger: Logger,
    options: RuntimeOptions = {},
  ): Promise<Runtime> {
    // Idle connections that die once the pool is ending are expected, not worth an error line.
    const pool: Pool = createPool({
      connectionString: databaseUrl,
      max: 20,
      applicationName: 'aduan-api',
      ...config.databaseTimeouts,
      onError: (error) => {
        if (!pool.ending) logger.error(`PostgreSQL connection error: ${describeErrorBriefly(error)}`);
      },
    });
    try {
      const configuredStore = await createConfiguredEventStore(config, pool, logger);
      // In PostgreSQL whichever store holds the events: keys must outlive and stay apart from them.
      const keyVault = new PostgresKeyVault(pool, config.reporterKeyEncryptionKey);
      await keyVault.migrate();
      const readModels = createReadModelDataSource(withDatabaseTimeouts(databaseUrl, config.databaseTimeouts));
      await readModels.initialize();
      await migrateReadModels(readModels);
      let eventStore: EventStore = configuredStore;
      let projector: ProjectorControl;
      if (config.projectorMode === 'thread') {
        const thread = new ProjectorThread({
          settings: {
            databaseUrl,
            eventStore: config.eventStore,
            kurrentDbConnectionString: config.kurrentDbConnectionString,
            databaseTimeouts: config.databaseTimeouts,
            faultInjection: config.faultInjection,
          },
          logger,
          execArgv: options.projectorThreadExecArgv,
        });
        // The thread's store cannot see this thread's appends; each one wakes it instead of its next poll.
        eventStore = new NotifyingEventStore(configuredStore, () => thread.notifyAppended());
        projector = thread;
      } else {
        projector = createReadModelProjector(eventStore, pool, logger, {
          faults: new FaultInjector(config.faultInjection),
        });
      }
      return new Runtime(
        config,
        pool,
        eventStore,
        readModels,
        projector,
        loadAgencyDirectory(),
        new Hs256TokenVerifier(config.jwtSecret),
        new ComplaintSummaryQueries(readModels),
        new EscalationQueries(readModels),
        new ReporterIdentities(keyVault),
        logger,
      );
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** Closes in dependency order: nothing new is projected, then stores, then connections. */
  async close(): Promise<void> {
    await this.projector
      .stop()
      .catch((e: Error) => this.logger.error(`stopping projector: ${describeErrorBriefly(e)}`));
    await this.eventStore
      .close()
      .catch((e: Error) => this.logger.error(`closing event store: ${describeErrorBriefly(e)}`));
    if (this.readModels.isInitialized) await this.readModels.destroy().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
