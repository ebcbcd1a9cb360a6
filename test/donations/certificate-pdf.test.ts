import path from 'node:path';
import { renderCertificatePdf } from '../../src/domain/donations/certificate-pdf';
import type { CertificateDoc } from '../../src/domain/donations/certificate-store';
import { normalizeVerificationCode } from '../../src/domain/donations/certificate-store';
import { loadDonationContent } from '../../src/domain/donations/donation-content';
import { pdfText as textOf } from './pdf-text';

const content = loadDonationContent(path.join(__dirname, '..', '..', 'content'));
const at = new Date('2026-12-03T10:00:00Z');

const certificate: CertificateDoc = {
  _id: 'd1', code: 'ABCD-EFGH-JKMN', token: 'secret-token-xyz-0123456789', reference: 'DO-2026-000045', donorKind: 'company',
  companyName: 'Yılmaz Bilişim bv', vat: 'BE0202239951', receivedAt: new Date('2026-12-01T09:30:00Z'), issuedAt: at,
  contact: { channel: 'webchat', conversationId: 'c', userId: 'u', language: 'nl' },
  devices: [
    { type: 'laptop', brand: 'Lenovo', model: 'ThinkPad T480', serial: 'PF1ABC23', outcome: 'wiped', method: 'herwin', handledAt: at, handledBy: 'an@digipunt.test' },
    { type: 'laptop', brand: 'Dell', model: 'Latitude 5490', serial: 'DL9XYZ88', outcome: 'wiped', method: 'herwin', handledAt: at, handledBy: 'an@digipunt.test' },
    { type: 'tablet', brand: 'Apple', model: 'iPad 6', serial: 'DMPX4455', outcome: 'destroyed', method: 'destroyed', handledAt: at, handledBy: 'bo@digipunt.test' },
  ],
};

describe('the certificate PDF', () => {
  test('names the donor, reference, every serial, the method, the statement and the code, and no standard unless configured', async () => {
    const pdf = await renderCertificatePdf(certificate, { wording: content.certificate, methods: content.rules.wipeMethods, timeZone: 'Europe/Brussels', verifyUrl: 'https://chat.example/api/certificates/ABCD-EFGH-JKMN' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    for (const serial of ['PF1ABC23', 'DL9XYZ88', 'DMPX4455']) expect(text).toContain(serial);
    expect(text).toContain('DO-2026-000045');
    expect(text).toContain('Yılmaz Bilişim bv');
    expect(text).toContain('Herw!n-procedure');
    expect(text).toContain('Vernietigd');
    expect(text).toContain('ABCD-EFGH-JKMN');
    expect(text).toContain('01/12/2026');
    expect(text.replace(/\s+/g, ' ')).toContain(content.certificate.statement.slice(0, 40));
    expect(text).not.toContain('NIST');
    expect(text).not.toContain(content.certificate.labels.standard);
  });

  test('names a standard when staff configure one', async () => {
    const wording = { ...content.certificate, standard: 'NIST SP 800-88 Purge' };
    const text = await textOf(await renderCertificatePdf(certificate, { wording, methods: content.rules.wipeMethods, timeZone: 'Europe/Brussels', verifyUrl: 'x' }));
    expect(text).toContain('NIST SP 800-88 Purge');
  });
});

describe('verification codes as people type them', () => {
  test('case, spaces, dashes and look-alike letters do not matter', () => {
    expect(normalizeVerificationCode('abcd efgh jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeVerificationCode('7KQ2M9XD4T1B')).toBe('7KQ2-M9XD-4T1B');
    expect(normalizeVerificationCode('7kq2-m9xd-4tib')).toBe('7KQ2-M9XD-4T1B');
    expect(normalizeVerificationCode('O0O0-LLLL-1111')).toBe('0000-1111-1111');
  });
});
