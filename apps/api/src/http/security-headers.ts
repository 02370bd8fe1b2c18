import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The API answers JSON, so its Content-Security-Policy allows nothing to load or frame it. The one
 * HTML page, GraphiQL on GET /graphql (served only while introspection is on), gets a policy made
 * from the page itself: its own inline scripts by hash and the CDN origins it loads from.
 */
export const API_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

export async function registerSecurityHeaders(
  fastify: FastifyInstance,
  options: { readonly landingPage: boolean; readonly graphqlPath: string },
): Promise<void> {
  await fastify.register(helmet, { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, global: true });
  if (!options.landingPage) return;
  fastify.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (request.url.split('?')[0] === options.graphqlPath && type.startsWith('text/html')) {
      const html = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
      if (html !== null) reply.header('content-security-policy', landingPagePolicy(html));
    }
    return payload;
  });
}

/** A policy allowing exactly what this HTML page loads: its inline scripts by hash, its external origins. */
export function landingPagePolicy(html: string): string {
  const scriptOrigins = new Set<string>();
  const styleOrigins = new Set<string>();
  const scriptHashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attributes)?.[1];
    if (src) addOrigin(scriptOrigins, src);
    else if (body.trim() !== '') scriptHashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && /\brel\s*=\s*["']?stylesheet/i.test(tag)) addOrigin(styleOrigins, href);
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scriptOrigins, ...scriptHashes].join(' ')}`.trim(),
    // GraphiQL's components set styles at run time; styles cannot run code.
    `style-src 'self' 'unsafe-inline' ${[...styleOrigins].join(' ')}`.trim(),
    `img-src 'self' data: ${[...styleOrigins].join(' ')}`.trim(),
    `font-src 'self' data: ${[...styleOrigins].join(' ')}`.trim(),
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function addOrigin(origins: Set<string>, url: string): void {
  if (!/^https?:\/\//i.test(url)) return;
  origins.add(new URL(url).origin);
}
