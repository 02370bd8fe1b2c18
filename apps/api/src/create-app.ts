import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, GRAPHQL_PATH } from './app.module.js';
import { registerRateLimits } from './http/rate-limits.js';
import { registerSecurityHeaders } from './http/security-headers.js';
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
  /** Node options of the projector's worker thread (see RuntimeOptions). */
  readonly projectorThreadExecArgv?: readonly string[];
}

export interface AduanApp {
  readonly app: NestFastifyApplication;
  readonly runtime: Runtime;
}

/** Time a client has to send a whole request (headers and body): slow senders cannot hold connections. */
const REQUEST_RECEIVE_TIMEOUT_MS = 30_000;

/** Builds the API on a database without listening yet; shared by `main`, the CLI and the tests. */
export async function createApp(options: CreateAppOptions): Promise<AduanApp> {
  const logger = new Logger('Aduan');
  const runtime = await Runtime.open(
    options.config,
    options.databaseUrl,
    { log: (message) => logger.log(message), error: (message) => logger.error(message) },
    { projectorThreadExecArgv: options.projectorThreadExecArgv },
  );
  const { api } = options.config;
  try {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ runtime, clock: options.clock ?? systemClock, schemaFile: options.schemaFile ?? false }),
      new FastifyAdapter({
        bodyLimit: api.bodyLimitBytes,
        // A hop count is given as Fastify's function form (trust the first n proxies).
        trustProxy:
          typeof api.trustProxy === 'number'
            ? (_address: string, hop: number) => hop < (api.trustProxy as number)
            : api.trustProxy,
        requestTimeout: REQUEST_RECEIVE_TIMEOUT_MS,
      }),
      { logger: options.logLevels ?? ['log', 'error', 'warn'], abortOnError: false },
    );
    // Registered before the routes exist (they are added when the app initialises), so they cover all.
    const fastify = app.getHttpAdapter().getInstance();
    await registerSecurityHeaders(fastify, { landingPage: api.graphqlIntrospection, graphqlPath: GRAPHQL_PATH });
    registerRateLimits(fastify, {
      settings: api.rateLimits,
      verifier: runtime.tokenVerifier,
      graphqlPath: GRAPHQL_PATH,
    });
    return { app, runtime };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
