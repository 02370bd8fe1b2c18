import { DEVELOPMENT_KEY_ENCRYPTION_KEY, KeyEncryptionKey } from '#aduan/reporter-vault';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config.js';
import { ConfigError } from './config-error.js';

const STRONG_SECRET = 'a-production-secret-of-at-least-32-characters';
const KEK = 'e5'.repeat(32);
/** What production needs besides JWT_SECRET. */
const PRODUCTION = { NODE_ENV: 'production', REPORTER_KEY_ENCRYPTION_KEY: KEK };

describe('configuration', () => {
  describe('in production (NODE_ENV=production)', () => {
    it('refuses to start without JWT_SECRET, since the development secret is public', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
        new ConfigError('NODE_ENV=production needs JWT_SECRET: the development secret is public'),
      );
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(ConfigError);
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '   ' })).toThrow(ConfigError);
    });

    it('refuses a JWT_SECRET shorter than 32 characters', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short-secret' })).toThrow(
        /at least 32 characters/,
      );
      expect(loadConfig({ ...PRODUCTION, JWT_SECRET: STRONG_SECRET }).jwtSecret).toBe(STRONG_SECRET);
    });

    it('turns introspection (and the GraphiQL page) off unless GRAPHQL_INTROSPECTION=true', () => {
      expect(loadConfig({ ...PRODUCTION, JWT_SECRET: STRONG_SECRET }).api.graphqlIntrospection).toBe(false);
      expect(
        loadConfig({ ...PRODUCTION, JWT_SECRET: STRONG_SECRET, GRAPHQL_INTROSPECTION: 'true' }).api
          .graphqlIntrospection,
      ).toBe(true);
    });

    it('refuses fault injection', () => {
      expect(() =>
        loadConfig({ ...PRODUCTION, JWT_SECRET: STRONG_SECRET, ADUAN_FAULT_INJECT: 'projector-after-apply' }),
      ).toThrow(/refused in production/);
    });
  });

  it('refuses to start in production without REPORTER_KEY_ENCRYPTION_KEY, since the development key is public', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET };
    expect(() => loadConfig(production)).toThrow(
      new ConfigError(
        'NODE_ENV=production needs REPORTER_KEY_ENCRYPTION_KEY (32 bytes, e.g. openssl rand -hex 32): the development key is public',
      ),
    );
    expect(() => loadConfig({ ...production, REPORTER_KEY_ENCRYPTION_KEY: DEVELOPMENT_KEY_ENCRYPTION_KEY })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ ...production, REPORTER_KEY_ENCRYPTION_KEY: '  ' })).toThrow(ConfigError);
    expect(loadConfig({ ...production, REPORTER_KEY_ENCRYPTION_KEY: KEK }).reporterKeyEncryptionKey.id).toBe(
      KeyEncryptionKey.parse(KEK).id,
    );
  });

  it('refuses a REPORTER_KEY_ENCRYPTION_KEY that is not 32 bytes, anywhere', () => {
    expect(() => loadConfig({ REPORTER_KEY_ENCRYPTION_KEY: 'secret' })).toThrow(/must be 32 bytes/);
    expect(() => loadConfig({ REPORTER_KEY_ENCRYPTION_KEY: 'e5'.repeat(16) })).toThrow(ConfigError);
  });

  it('uses the development key-encryption key outside production, and never prints its bytes', () => {
    const config = loadConfig({ REPORTER_KEY_ENCRYPTION_KEY: KEK });
    expect(loadConfig({}).reporterKeyEncryptionKey.id).toBe(KeyEncryptionKey.development().id);
    expect(JSON.stringify(config)).not.toContain(KEK);
    expect(JSON.stringify(config)).toContain(config.reporterKeyEncryptionKey.id);
  });

  it('uses the development secret, with introspection on, outside production', () => {
    const config = loadConfig({});
    expect(config.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.api.graphqlIntrospection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).api.graphqlIntrospection).toBe(false);
  });

  it('has bounded defaults for every limit and timeout', () => {
    const config = loadConfig({});
    expect(config.databaseTimeouts).toEqual({ connectTimeoutMs: 5_000, statementTimeoutMs: 10_000 });
    expect(config.api).toEqual({
      bodyLimitBytes: 1_048_576,
      requestTimeoutMs: 15_000,
      maxQueryDepth: 10,
      maxQueryComplexity: 5_000,
      graphqlIntrospection: true,
      trustProxy: false,
      rateLimits: { anonymousSubmitsPerMinute: 20, tokenRequestsPerMinute: 600 },
      shutdownTimeoutMs: 30_000,
    });
    expect(config.faultInjection).toBeNull();
  });

  it('reads each limit from the environment, 0 turning a rate limit off', () => {
    const config = loadConfig({
      BODY_LIMIT_BYTES: '65536',
      REQUEST_TIMEOUT_MS: '2000',
      GRAPHQL_MAX_DEPTH: '6',
      GRAPHQL_MAX_COMPLEXITY: '900',
      RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '0',
      RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '30',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_CONNECT_TIMEOUT_MS: '1500',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    expect(config.api).toMatchObject({
      bodyLimitBytes: 65_536,
      requestTimeoutMs: 2_000,
      maxQueryDepth: 6,
      maxQueryComplexity: 900,
      rateLimits: { anonymousSubmitsPerMinute: 0, tokenRequestsPerMinute: 30 },
      trustProxy: ['10.0.0.0/8', '127.0.0.1'],
      shutdownTimeoutMs: 5_000,
    });
    expect(config.databaseTimeouts).toEqual({ connectTimeoutMs: 1_500, statementTimeoutMs: 0 });
    expect(loadConfig({ TRUST_PROXY: '2' }).api.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).api.trustProxy).toBe(true);
  });

  it.each([
    ['BODY_LIMIT_BYTES', '1mb'],
    ['REQUEST_TIMEOUT_MS', '0'],
    ['GRAPHQL_MAX_DEPTH', '-1'],
    ['GRAPHQL_MAX_COMPLEXITY', '1e9'],
    ['RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE', 'many'],
    ['DATABASE_CONNECT_TIMEOUT_MS', '0'],
    ['GRAPHQL_INTROSPECTION', 'yes'],
    ['ADUAN_FAULT_INJECT', 'everywhere'],
    ['ADUAN_FAULT_INJECT', 'projector-after-apply:0'],
    ['ADUAN_FAULT_INJECT', 'toString'],
    ['PROJECTOR_MODE', 'child-process'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('reads a fault injection plan, the first arrival by default', () => {
    expect(loadConfig({ ADUAN_FAULT_INJECT: 'projector-after-apply' }).faultInjection).toEqual({
      point: 'projector-after-apply',
      effect: 'kill-process',
      hit: 1,
    });
    expect(loadConfig({ ADUAN_FAULT_INJECT: 'projector-after-apply:7' }).faultInjection).toEqual({
      point: 'projector-after-apply',
      effect: 'kill-process',
      hit: 7,
    });
    expect(loadConfig({ ADUAN_FAULT_INJECT: 'projector-thread-exit:2' }).faultInjection).toEqual({
      point: 'projector-after-apply',
      effect: 'end-thread',
      hit: 2,
    });
  });

  it('runs the projector in a worker thread unless PROJECTOR_MODE=in-process', () => {
    expect(loadConfig({}).projectorMode).toBe('thread');
    expect(loadConfig({ PROJECTOR_MODE: 'in-process' }).projectorMode).toBe('in-process');
    expect(() => loadConfig({ PROJECTOR_MODE: 'process' })).toThrow(/PROJECTOR_MODE must be thread or in-process/);
    // Ending the projector's thread needs one.
    expect(() => loadConfig({ PROJECTOR_MODE: 'in-process', ADUAN_FAULT_INJECT: 'projector-thread-exit' })).toThrow(
      /needs PROJECTOR_MODE=thread/,
    );
  });
});
