import nodemailer, { type Transporter } from 'nodemailer';

/** One e-mail with optional attachments; the text is already in the recipient's language. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/** The outgoing mail port: SMTP in the app, and whatever a test points SMTP_URL at. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Sends over SMTP with nodemailer (SMTP_URL such as smtp://user:pass@mail.example.org:587). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(url: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }

  close(): void {
    this.transport.close();
  }
}
