import { Module } from '@nestjs/common';
import { IntakeService } from './intake.service.js';
import { WebhooksRegistrar } from './webhooks.registrar.js';

/** Intake channels: SMS gateway and WhatsApp webhooks (docs/workflow.md). */
@Module({ providers: [IntakeService, WebhooksRegistrar] })
export class WebhooksModule {}
