import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ComplaintDomainError } from '#aduan/complaints';
import type { AppConfig } from '#aduan/infrastructure';
import { rejectionText, smsMessage, verifyHmacSha256, whatsappMessages, type IncomingMessage } from '#aduan/intake';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../config/app-config.token.js';
import { IntakeService, type IntakeResult } from './intake.service.js';

export const SMS_WEBHOOK_PATH = '/webhooks/sms';
export const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';

/** A webhook body is one provider notification; anything larger is not one. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * The intake webhooks: an SMS gateway's messages ("KEYWORD text" to the short number) and WhatsApp
 * Cloud API notifications. Each checks the HMAC-SHA256 of the raw body under its shared secret, so the
 * routes live in their own Fastify scope whose body parser keeps the raw bytes (the GraphQL route's
 * JSON parsing is untouched). Each is idempotent on the provider's message id.
 */
@Injectable()
export class WebhooksRegistrar implements OnModuleInit {
  private readonly logger = new Logger('Intake');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly intake: IntakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) =>
        done(null, body),
      );
      scope.post(SMS_WEBHOOK_PATH, (request, reply) => this.sms(request, reply));
      scope.get(WHATSAPP_WEBHOOK_PATH, (request, reply) => this.whatsappHandshake(request, reply));
      scope.post(WHATSAPP_WEBHOOK_PATH, (request, reply) => this.whatsapp(request, reply));
    });
  }

  /** POST /webhooks/sms, X-Aduan-Signature: sha256=<hex>; body { messageId, from, text }. */
  private async sms(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const secret = this.config.workflow.webhooks.smsSecret;
    if (!secret) return problem(reply, 503, 'NOT_CONFIGURED', 'The SMS webhook is off: SMS_WEBHOOK_SECRET is not set');
    const body = rawBody(request);
    if (!verifyHmacSha256(secret, body, header(request, 'x-aduan-signature'))) {
      return problem(reply, 401, 'UNAUTHENTICATED', 'The X-Aduan-Signature does not match the body');
    }
    const message = smsMessage(parseJson(body));
    if (!message) return problem(reply, 400, 'BAD_USER_INPUT', 'Expected JSON { messageId, from, text }');
    const outcome = await this.receive(message, secret);
    return reply
      .status(outcome.ok ? (outcome.result.duplicate ? 200 : 201) : 422)
      .send(outcome.ok ? outcome.result : outcome);
  }

  /** GET /webhooks/whatsapp: Meta's subscription check echoes hub.challenge for the right verify token. */
  private whatsappHandshake(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const token = this.config.workflow.webhooks.whatsappVerifyToken;
    const query = request.query as Record<string, string | undefined>;
    if (!token || query['hub.mode'] !== 'subscribe' || query['hub.verify_token'] !== token) {
      return problem(reply, 403, 'FORBIDDEN', 'Wrong verify token');
    }
    return reply
      .status(200)
      .type('text/plain')
      .send(query['hub.challenge'] ?? '');
  }

  /** POST /webhooks/whatsapp, X-Hub-Signature-256: sha256=<hex> under the app secret; Cloud API notifications. */
  private async whatsapp(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const secret = this.config.workflow.webhooks.whatsappAppSecret;
    if (!secret)
      return problem(reply, 503, 'NOT_CONFIGURED', 'The WhatsApp webhook is off: WHATSAPP_APP_SECRET is not set');
    const body = rawBody(request);
    if (!verifyHmacSha256(secret, body, header(request, 'x-hub-signature-256'))) {
      return problem(reply, 401, 'UNAUTHENTICATED', 'The X-Hub-Signature-256 does not match the body');
    }
    const payload = parseJson(body);
    if (payload === undefined)
      return problem(reply, 400, 'BAD_USER_INPUT', 'Expected a WhatsApp Cloud API notification');
    const results = [];
    for (const message of whatsappMessages(payload)) results.push(await this.receive(message, secret));
    // Meta retries anything but 200; a message refused for its content is answered, not retried.
    return reply.status(200).send({ messages: results.map((r) => (r.ok ? r.result : r)) });
  }

  private async receive(
    message: IncomingMessage,
    secret: string,
  ): Promise<
    { ok: true; result: IntakeResult } | { ok: false; messageId: string; code: string; reason: string; reply: string }
  > {
    try {
      return { ok: true, result: await this.intake.receive(message, secret) };
    } catch (error) {
      if (!(error instanceof ComplaintDomainError)) throw error;
      this.logger.log(`${message.channel} message refused: ${error.code}`);
      return {
        ok: false,
        messageId: message.messageId,
        code: error.code,
        reason: error.message,
        reply: rejectionText('isi laporan terlalu pendek atau tidak lengkap'),
      };
    }
  }
}

const rawBody = (request: FastifyRequest): Buffer => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const problem = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply =>
  reply.status(status).send({ error: { code, message } });
