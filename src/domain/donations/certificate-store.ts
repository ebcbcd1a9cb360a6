import { randomBytes, randomInt } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../storage/connection';
import type { DonorContact } from './donation-model';
import type { IntakeDevice } from './intake-store';

/** A device as the certificate lists it: frozen at issue, so later edits never change a certificate. */
export type CertifiedDevice = Pick<IntakeDevice, 'type' | 'brand' | 'model' | 'serial' | 'outcome' | 'method' | 'handledAt' | 'handledBy'>;

/** An issued certificate: one per donation (its _id), with a public code and a secret download token. */
export interface CertificateDoc {
  _id: string;
  code: string;
  token: string;
  reference: string;
  donorKind: 'company' | 'private';
  companyName?: string;
  vat?: string;
  receivedAt: Date;
  issuedAt: Date;
  devices: CertifiedDevice[];
  contact: DonorContact;
  email?: string;
  /** When the donor was told on their channel, and when the e-mail went (or that there is none to send). */
  chatSentAt?: Date;
  mailSentAt?: Date;
  mailSkipped?: boolean;
}

const schema = new Schema<CertificateDoc>({
  _id: { type: String, required: true },
  code: { type: String, required: true },
  token: { type: String, required: true },
  reference: { type: String, required: true },
  donorKind: { type: String, required: true },
  companyName: String,
  vat: String,
  receivedAt: { type: Date, required: true },
  issuedAt: { type: Date, required: true },
  devices: [{ _id: false, type: { type: String }, brand: String, model: String, serial: String, outcome: String, method: String, handledAt: Date, handledBy: String }],
  contact: { channel: String, conversationId: String, userId: String, language: String },
  email: String,
  chatSentAt: Date,
  mailSentAt: Date,
  mailSkipped: Boolean,
}, { collection: 'donation_certificates', versionKey: false });
schema.index({ code: 1 }, { unique: true });
schema.index({ token: 1 }, { unique: true });
schema.index({ issuedAt: 1 });

// Crockford's base32: no I, L, O or U, so a code read aloud or typed over is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** A fresh verification code like "7KQ2-M9XD-4T1B" (60 random bits). */
export function newVerificationCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** A typed code in canonical form: upper case, dashes in place, and the letters people confuse mapped. */
export function normalizeVerificationCode(input: string): string {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return chars.match(/.{1,4}/g)?.join('-') ?? chars;
}

/** Issued certificates. Issuing inserts under the donation's id, so a donation gets exactly one. */
export class CertificateStore {
  readonly model: Model<CertificateDoc>;

  constructor(connection: Connection) {
    this.model = (connection.models.DonationCertificate as Model<CertificateDoc> | undefined) ?? connection.model<CertificateDoc>('DonationCertificate', schema);
  }

  /** Issues the certificate of a donation, or returns the one already issued. */
  async issueOnce(doc: Omit<CertificateDoc, 'code' | 'token'>): Promise<CertificateDoc> {
    const certificate: CertificateDoc = { ...doc, code: newVerificationCode(), token: randomBytes(24).toString('base64url') };
    try {
      await this.model.create(certificate);
      return certificate;
    } catch (error) {
      const existing = isDuplicateKey(error) ? await this.ofDonation(doc._id) : null;
      if (!existing) throw error;
      return existing;
    }
  }

  async ofDonation(donationId: string): Promise<CertificateDoc | null> {
    return this.model.findById(donationId).lean<CertificateDoc>();
  }

  async byCode(code: string): Promise<CertificateDoc | null> {
    return this.model.findOne({ code: normalizeVerificationCode(code) }).lean<CertificateDoc>();
  }

  async byToken(token: string): Promise<CertificateDoc | null> {
    return this.model.findOne({ token }).lean<CertificateDoc>();
  }

  /** Certificates whose chat message or e-mail has not gone out yet, for the delivery job. */
  async undelivered(): Promise<CertificateDoc[]> {
    return this.model.find({ $or: [{ chatSentAt: { $exists: false } }, { mailSentAt: { $exists: false }, mailSkipped: { $ne: true } }] }).limit(50).lean<CertificateDoc[]>();
  }

  async mark(id: string, fields: Pick<CertificateDoc, 'chatSentAt' | 'mailSentAt' | 'mailSkipped'>): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: fields });
  }
}
