import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { CertificateWording, DonationRules } from './donation-content';
import type { CertificateDoc, CertifiedDevice } from './certificate-store';

/** What the PDF needs besides the certificate: the wording, the method names and where to verify. */
export interface CertificatePdfOptions {
  wording: CertificateWording;
  methods: DonationRules['wipeMethods'];
  timeZone: string;
  verifyUrl: string;
}

const MARGIN = 40;
// A4 landscape leaves 762 points between the margins: room for e-mail addresses and long serials.
const COLUMNS: Array<{ label: keyof CertificateWording['labels']; width: number }> = [
  { label: 'type', width: 62 }, { label: 'brand', width: 80 }, { label: 'model', width: 115 }, { label: 'serial', width: 130 },
  { label: 'result', width: 70 }, { label: 'method', width: 105 }, { label: 'wipedAt', width: 65 }, { label: 'wipedBy', width: 135 },
];

function fontsOf(wording: CertificateWording): { regular: string; bold: string } {
  const files = wording.fonts;
  const usable = files && fs.existsSync(files.regular) && fs.existsSync(files.bold);
  return usable ? { regular: files.regular, bold: files.bold } : { regular: 'Helvetica', bold: 'Helvetica-Bold' };
}

function dutchDate(date: Date | undefined, timeZone: string): string {
  return date ? new Intl.DateTimeFormat('nl-BE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(date) : '';
}

function deviceRow(device: CertifiedDevice, options: CertificatePdfOptions): string[] {
  const { labels, deviceTypes } = options.wording;
  const method = device.outcome === 'destroyed' ? labels.destroyed : (options.methods.find((m) => m.id === device.method)?.label ?? device.method ?? '');
  return [deviceTypes[device.type], device.brand, device.model, device.serial, device.outcome === 'destroyed' ? labels.destroyed : labels.wiped,
    method, dutchDate(device.handledAt, options.timeZone), device.handledBy ?? ''];
}

function drawRow(doc: PDFKit.PDFDocument, cells: string[], font: string): void {
  const top = doc.y;
  let x = MARGIN;
  let bottom = top;
  doc.font(font).fontSize(8);
  cells.forEach((cell, i) => {
    const width = COLUMNS[i]?.width ?? 50;
    doc.text(cell, x, top, { width: width - 4 });
    bottom = Math.max(bottom, doc.y);
    x += width;
  });
  doc.y = bottom + 4;
  if (doc.y > doc.page.height - MARGIN * 2) doc.addPage();
}

function field(doc: PDFKit.PDFDocument, fonts: { regular: string; bold: string }, label: string, value: string): void {
  doc.font(fonts.bold).fontSize(10).text(`${label}: `, MARGIN, doc.y, { continued: true }).font(fonts.regular).text(value);
}

/**
 * Renders a data-wipe certificate as a PDF in Dutch (the official language): donor, reference, dates,
 * a table of the devices with serials, method, date and who, the configured statement, and the code
 * anyone can check. It names a standard only when staff configured one.
 */
export async function renderCertificatePdf(certificate: CertificateDoc, options: CertificatePdfOptions): Promise<Buffer> {
  const { wording, timeZone } = options;
  const fonts = fontsOf(wording);
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `${wording.title} ${certificate.reference}`, Author: wording.issuer } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(fonts.bold).fontSize(18).text(wording.title).moveDown(0.2);
  doc.font(fonts.regular).fontSize(10).text(wording.issuer).moveDown();
  field(doc, fonts, wording.labels.reference, certificate.reference);
  field(doc, fonts, wording.labels.donor, certificate.donorKind === 'company' ? (certificate.companyName ?? '') : wording.labels.privateDonor);
  if (certificate.vat) field(doc, fonts, wording.labels.vat, certificate.vat);
  field(doc, fonts, wording.labels.received, dutchDate(certificate.receivedAt, timeZone));
  field(doc, fonts, wording.labels.issued, dutchDate(certificate.issuedAt, timeZone));
  doc.moveDown().font(fonts.regular).fontSize(10).text(wording.statement, MARGIN, doc.y, { width: doc.page.width - MARGIN * 2 });
  if (wording.standard) field(doc, fonts, wording.labels.standard, wording.standard);
  doc.moveDown().font(fonts.bold).fontSize(12).text(wording.labels.devices, MARGIN).moveDown(0.3);
  drawRow(doc, COLUMNS.map((c) => wording.labels[c.label]), fonts.bold);
  certificate.devices.forEach((device) => drawRow(doc, deviceRow(device, options), fonts.regular));
  doc.moveDown();
  field(doc, fonts, wording.labels.verification, certificate.code);
  doc.font(fonts.regular).fontSize(10).text(`${wording.labels.verifyAt} ${options.verifyUrl}`, MARGIN);
  doc.end();
  return done;
}
