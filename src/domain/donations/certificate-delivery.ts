import { randomUUID } from 'node:crypto';
import type { ChannelRegistry } from '../../channels/channel';
import type { MessageRenderer } from '../../core/dialog/renderer';
import type { Job } from '../../core/jobs/scheduler';
import type { Logger } from '../../core/logger';
import type { ClaimStore } from '../../storage/claims';
import type { CertificateDoc, CertificateStore } from './certificate-store';
import type { Mailer } from './mailer';

/** What delivering a certificate needs. */
export interface CertificateDeliveryDeps {
  certificates: CertificateStore;
  claims: ClaimStore;
  channels: ChannelRegistry;
  renderer: MessageRenderer;
  /** Null when no SMTP server is configured: the e-mail is then skipped (and logged). */
  mailer: Mailer | null;
  pdf(certificate: CertificateDoc): Promise<Buffer>;
  /** The public address of the app, for the download link. */
  baseUrl: string;
  log: Logger;
}

/** The name of the retry job, for the scheduler and tests. */
export const DELIVERY_JOB = 'donation-certificate-delivery';

/** The address where the donor downloads the PDF; the token in it is the only key. */
export function downloadUrl(baseUrl: string, certificate: Pick<CertificateDoc, 'token'>): string {
  return `${baseUrl}/certificates/${certificate.token}.pdf`;
}

/**
 * Sends a certificate to the donor: a download link on their own channel, and the PDF by e-mail when
 * they gave an address. Each way is sent under a claim, so two processes never both send it; a
 * failure gives the claim back and the retry job tries again later.
 */
export class CertificateDelivery {
  constructor(private readonly deps: CertificateDeliveryDeps) {}

  async deliver(certificate: CertificateDoc, now: Date): Promise<void> {
    // An erased donor has no chat address left: there is nobody to tell, so the chat part is done.
    if (!certificate.chatSentAt && !certificate.contact.conversationId) await this.deps.certificates.mark(certificate._id, { chatSentAt: now });
    else if (!certificate.chatSentAt) await this.once(certificate, 'chat', now, () => this.chat(certificate));
    if (!certificate.mailSentAt && !certificate.mailSkipped) {
      if (!certificate.email || !this.deps.mailer) {
        if (certificate.email) this.deps.log.warn({ certificate: certificate._id }, 'certificate e-mail skipped: SMTP_URL is not set');
        await this.deps.certificates.mark(certificate._id, { mailSkipped: true });
        return;
      }
      await this.once(certificate, 'mail', now, () => this.mail(certificate));
    }
  }

  /** Tries every certificate that still has something to send; the retry job calls it. */
  async deliverPending(now: Date): Promise<void> {
    for (const certificate of await this.deps.certificates.undelivered()) await this.deliver(certificate, now);
  }

  private async once(certificate: CertificateDoc, way: 'chat' | 'mail', now: Date, send: () => Promise<void>): Promise<void> {
    const owner = randomUUID();
    if (!(await this.deps.claims.claim(`certificate-${way}`, certificate._id, owner, now))) return;
    try {
      await send();
      await this.deps.certificates.mark(certificate._id, way === 'chat' ? { chatSentAt: now } : { mailSentAt: now });
    } catch (error) {
      await this.deps.claims.release(`certificate-${way}`, certificate._id, owner);
      this.deps.log.warn({ certificate: certificate._id, way, error: error instanceof Error ? error.name : 'unknown' }, 'certificate not delivered yet');
    }
  }

  private async chat(certificate: CertificateDoc): Promise<void> {
    const { language, ...address } = certificate.contact;
    const { renderer } = this.deps;
    const link = { url: downloadUrl(this.deps.baseUrl, certificate), label: renderer.text(language, 'certificate.download') };
    const message = renderer.message(language, ['certificate.ready'], { reference: certificate.reference, code: certificate.code }, { links: [link] });
    await this.deps.channels.send(address, [message]);
  }

  private async mail(certificate: CertificateDoc): Promise<void> {
    const { language } = certificate.contact;
    const values = { reference: certificate.reference, code: certificate.code };
    await this.deps.mailer?.send({
      to: certificate.email ?? '',
      subject: this.deps.renderer.text(language, 'certificate.mail_subject', values),
      text: this.deps.renderer.text(language, 'certificate.mail_body', values),
      attachments: [{ filename: `attest-${certificate.reference}.pdf`, content: await this.deps.pdf(certificate), contentType: 'application/pdf' }],
    });
  }
}

/** Retries certificates whose message or e-mail did not go out (a channel or SMTP server was down). */
export function certificateDeliveryJob(delivery: CertificateDelivery, intervalMs = 5 * 60_000): Job {
  return { name: DELIVERY_JOB, intervalMs, run: (now) => delivery.deliverPending(now) };
}
