import type { IncomingMessage } from './intake-message.js';

/**
 * The text messages in a WhatsApp Cloud API webhook (entry[].changes[].value.messages[]). Other
 * notifications (statuses, media) carry none and are acknowledged without effect.
 */
export function whatsappMessages(payload: unknown): IncomingMessage[] {
  const messages: IncomingMessage[] = [];
  for (const entry of list(field(payload, 'entry'))) {
    for (const change of list(field(entry, 'changes'))) {
      const value = field(change, 'value');
      const names = new Map<string, string>();
      for (const contact of list(field(value, 'contacts'))) {
        const id = field(contact, 'wa_id');
        const name = field(field(contact, 'profile'), 'name');
        if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
      }
      for (const message of list(field(value, 'messages'))) {
        const id = field(message, 'id');
        const from = field(message, 'from');
        const body = field(field(message, 'text'), 'body');
        if (
          field(message, 'type') !== 'text' ||
          typeof id !== 'string' ||
          typeof from !== 'string' ||
          typeof body !== 'string'
        ) {
          continue;
        }
        messages.push({ channel: 'WHATSAPP', messageId: id, from, text: body, senderName: names.get(from) ?? null });
      }
    }
  }
  return messages;
}

/** An SMS gateway's JSON: { messageId, from, text }. Null when it is not one. */
export function smsMessage(payload: unknown): IncomingMessage | null {
  const messageId = field(payload, 'messageId');
  const from = field(payload, 'from');
  const text = field(payload, 'text');
  if (typeof messageId !== 'string' || messageId.trim() === '' || messageId.length > 200) return null;
  if (typeof from !== 'string' || typeof text !== 'string') return null;
  return { channel: 'SMS', messageId: messageId.trim(), from, text };
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
