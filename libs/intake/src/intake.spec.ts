import { hashAccessKey, uuidV5 } from '#aduan/complaints';
import { accessKeyOf, complaintIdOf, parseReport, replyText } from './intake-message.js';
import { signHmacSha256, verifyHmacSha256 } from './signature.js';
import { smsMessage, whatsappMessages } from './whatsapp-payload.js';

const directory = {
  findBySmsKeyword: (keyword: string) =>
    keyword.toUpperCase() === 'BANJAR' ? { code: 'KAB-BANJAR', name: 'Pemerintah Kabupaten Banjar' } : undefined,
};

describe('intake', () => {
  it('routes "KEYWORD text" to the agency with that keyword, case-insensitively', () => {
    expect(parseReport('  banjar   Puskesmas Martapura tutup. Sudah tiga hari.', directory)).toEqual({
      agencyCode: 'KAB-BANJAR',
      agencyName: 'Pemerintah Kabupaten Banjar',
      keyword: 'BANJAR',
      title: 'Puskesmas Martapura tutup.',
      description: 'Puskesmas Martapura tutup. Sudah tiga hari.',
    });
  });

  it('leaves an unknown keyword to national triage, keeping the whole text', () => {
    expect(parseReport('ATLANTIS jalan rusak parah sekali di depan pasar', directory)).toMatchObject({
      agencyCode: null,
      keyword: null,
      description: 'ATLANTIS jalan rusak parah sekali di depan pasar',
    });
  });

  it('shortens a long first sentence into a title at a word boundary', () => {
    const { title } = parseReport(`BANJAR ${'jalan rusak '.repeat(20)}`, directory);
    expect([...title].length).toBeLessThanOrEqual(80);
    expect(title.endsWith('…')).toBe(true);
  });

  it('derives the complaint id and access key from the message id, stable across redeliveries', () => {
    const message = { channel: 'SMS' as const, messageId: 'gw-123' };
    expect(complaintIdOf(message)).toBe(uuidV5('intake:SMS:gw-123'));
    expect(complaintIdOf(message)).not.toBe(complaintIdOf({ channel: 'WHATSAPP', messageId: 'gw-123' }));
    expect(accessKeyOf('secret', message)).toBe(accessKeyOf('secret', message));
    expect(accessKeyOf('secret', message)).not.toBe(accessKeyOf('other-secret', message));
    expect(hashAccessKey(accessKeyOf('secret', message))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies HMAC-SHA256 signatures in constant time', () => {
    const body = Buffer.from('{"messageId":"1"}');
    expect(verifyHmacSha256('s3cret', body, signHmacSha256('s3cret', body))).toBe(true);
    expect(verifyHmacSha256('s3cret', body, signHmacSha256('wrong', body))).toBe(false);
    expect(verifyHmacSha256('s3cret', Buffer.from('{"messageId":"2"}'), signHmacSha256('s3cret', body))).toBe(false);
    expect(verifyHmacSha256('s3cret', body, undefined)).toBe(false);
    expect(verifyHmacSha256('s3cret', body, 'sha256=zz')).toBe(false);
  });

  it('reads the text messages of a WhatsApp Cloud API notification, and an SMS gateway message', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              value: {
                contacts: [{ wa_id: '6281234567890', profile: { name: 'Siti' } }],
                messages: [
                  { id: 'wamid.1', from: '6281234567890', type: 'text', text: { body: 'BANJAR Jalan rusak' } },
                  { id: 'wamid.2', from: '6281234567890', type: 'image', image: {} },
                ],
              },
            },
          ],
        },
        { changes: [{ value: { statuses: [{ id: 'wamid.0' }] } }] },
      ],
    };
    expect(whatsappMessages(payload)).toEqual([
      {
        channel: 'WHATSAPP',
        messageId: 'wamid.1',
        from: '6281234567890',
        text: 'BANJAR Jalan rusak',
        senderName: 'Siti',
      },
    ]);
    expect(whatsappMessages('nonsense')).toEqual([]);
    expect(smsMessage({ messageId: 'm1', from: '0812', text: 'x' })).toEqual({
      channel: 'SMS',
      messageId: 'm1',
      from: '0812',
      text: 'x',
    });
    expect(smsMessage({ from: '0812', text: 'x' })).toBeNull();
  });

  it('answers with the tracking code and the access key', () => {
    expect(
      replyText({ trackingCode: 'LPR-AAAA-BBBB-CCCC', accessKey: 'K7Q2M-9XA3D-TE4HB-W81NC', agencyName: null }),
    ).toContain('LPR-AAAA-BBBB-CCCC');
  });
});
