import { createHmac } from 'node:crypto';
import { formatAccessKey, uuidV5 } from '#aduan/complaints';

export type IntakeChannel = 'SMS' | 'WHATSAPP';

/** A message from a provider, reduced to what intake needs. */
export interface IncomingMessage {
  readonly channel: IntakeChannel;
  /** The provider's id for the message: redeliveries carry the same one. */
  readonly messageId: string;
  /** The sender's number as the provider gives it. */
  readonly from: string;
  readonly text: string;
  /** The sender's display name, where the provider has one (WhatsApp). */
  readonly senderName?: string | null;
}

/** The agency lookup intake needs: LAPOR!'s SMS keywords (case-insensitive). */
export interface KeywordDirectory {
  findBySmsKeyword(keyword: string): { readonly code: string; readonly name: string } | undefined;
}

export interface ParsedReport {
  /** The agency whose keyword the message starts with; null: national triage. */
  readonly agencyCode: string | null;
  readonly agencyName: string | null;
  readonly keyword: string | null;
  readonly title: string;
  readonly description: string;
}

const TITLE_LENGTH = 80;

/**
 * Reads "KEYWORD text": the first word routes the report to the agency with that SMS keyword; a first
 * word that is no keyword leaves the report for national triage, with the whole text as the report.
 */
export function parseReport(text: string, agencies: KeywordDirectory): ParsedReport {
  const clean = text.replace(/\s+/g, ' ').trim();
  const [first = '', ...rest] = clean.split(' ');
  const agency = first ? agencies.findBySmsKeyword(first) : undefined;
  const body = agency ? rest.join(' ').trim() : clean;
  return {
    agencyCode: agency?.code ?? null,
    agencyName: agency?.name ?? null,
    keyword: agency ? first.toUpperCase() : null,
    title: titleOf(body),
    description: body,
  };
}

/** The report's first sentence (or its first words), as its title. */
function titleOf(body: string): string {
  const sentence = /^(.+?[.!?])(\s|$)/.exec(body)?.[1] ?? body;
  if ([...sentence].length <= TITLE_LENGTH) return sentence;
  const cut = [...sentence].slice(0, TITLE_LENGTH - 1).join('');
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** The complaint a message becomes: the same message always names the same complaint. */
export const complaintIdOf = (message: Pick<IncomingMessage, 'channel' | 'messageId'>): string =>
  uuidV5(`intake:${message.channel}:${message.messageId}`);

/**
 * The access key handed back for a message: derived from the message id under the channel's secret,
 * so a redelivery gets the very same key (stored only as a hash), and nobody without the secret can
 * derive it.
 */
export const accessKeyOf = (secret: string, message: Pick<IncomingMessage, 'channel' | 'messageId'>): string =>
  formatAccessKey(createHmac('sha256', secret).update(`access-key:${message.channel}:${message.messageId}`).digest());

/** The text sent back to the reporter (Indonesian, as LAPOR! answers). */
export function replyText(report: {
  trackingCode: string;
  accessKey: string | null;
  agencyName: string | null;
}): string {
  const to = report.agencyName ? ` untuk ${report.agencyName}` : '';
  const key = report.accessKey ? ` Kunci akses: ${report.accessKey} (rahasiakan).` : '';
  return `Terima kasih, laporan Anda${to} diterima dengan nomor ${report.trackingCode}.${key} Tanggapan paling lambat sesuai ketentuan UU 25/2009.`;
}

export const rejectionText = (reason: string): string =>
  `Laporan belum dapat diterima: ${reason}. Format: KATA_KUNCI isi laporan, contoh: BANJAR Puskesmas Martapura tutup pada jam pelayanan.`;
