import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from '#aduan/infrastructure';
import { systemClock, type Clock } from './runtime/clock.js';
import { Runtime } from './runtime/runtime.js';

export interface CreateAppOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly clock?: Clock;
  /** Write the generated schema to this file; by default it stays in memory (the committed schema.gql is checked by a test). */
  readonly schemaFile?: string | false;
  readonly logLevels?: LogLevel[] | false;
}

export interface AduanApp {
  readonly app: NestFastifyApplication;
  readonly runtime: Runtime;
}

/** Builds the API on a database without listening yet; shared by `main`, the CLI and the tests. */
export async function createApp(options: CreateAppOptions): Promise<AduanApp> {
  const logger = new Logger('Aduan');
  const runtime = await Runtime.open(options.config, options.databaseUrl, {
    log: (message) => logger.log(message),
    error: (message) => logger.error(message),
  });
  try {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ runtime, clock: options.clock ?? systemClock, schemaFile: options.schemaFile ?? false }),
      new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
      { logger: options.logLevels ?? ['log', 'error', 'warn'], abortOnError: false },
    );
    return { app, runtime };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
