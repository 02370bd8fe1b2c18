import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { onlyError } from '../support/graphql-client.js';
import { TestEnvironment, type RunningApp } from '../support/test-app.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'production-secret-of-sufficient-length-0123456789',
  REPORTER_KEY_ENCRYPTION_KEY: 'f6'.repeat(32),
};

const landingPage = (app: RunningApp) => fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('production safety', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.start();
  });
  afterAll(() => env?.stop());

  describe('with NODE_ENV=production', () => {
    let api: RunningApp;
    beforeAll(async () => {
      api = await env.startApp({ env: PRODUCTION });
    });
    afterAll(() => api?.close());

    it('refuses introspection and serves no landing page', async () => {
      const introspection = await api.client.request(getIntrospectionQuery());
      expect(onlyError(introspection)).toMatchObject({
        message: expect.stringMatching(/introspection is not allowed/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const page = await landingPage(api);
      expect(page.headers.get('content-type')).not.toMatch(/text\/html/);
      await expect(api.client.ok('{ agencies { code } }')).resolves.toBeDefined();
    });

    it('sends secure headers, with a policy that lets nothing load or frame an API answer', async () => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ agencies { code } }' }),
      });
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-security-policy': "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(response.headers.get('x-powered-by')).toBeNull();
      const health = await fetch(`${api.url}/health`);
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  it('with NODE_ENV=production and GRAPHQL_INTROSPECTION=true, allows introspection and the landing page', async () => {
    const api = await env.startApp({ env: { ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' } });
    try {
      const introspection = await api.client.request(getIntrospectionQuery());
      expect(introspection.errors).toBeUndefined();
      expect((await landingPage(api)).headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      await api.close();
    }
  });

  it('in development, serves GraphiQL with a policy allowing exactly its scripts, and nothing inline beyond them', async () => {
    const api = await env.startApp();
    try {
      const page = await landingPage(api);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/GraphiQL/);
      const policy = directives(page.headers.get('content-security-policy'));
      const scriptSrc = policy.get('script-src') ?? [];
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
        if (src) expect(scriptSrc).toContain(new URL(src).origin);
        else expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
      }
      for (const [, href = ''] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        expect(policy.get('style-src')).toContain(new URL(href).origin);
      }
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      // JSON answers keep the strict policy.
      const json = await fetch(`${api.url}/health`);
      expect(json.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    } finally {
      await api.close();
    }
  });
});
