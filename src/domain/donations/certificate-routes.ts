import type { FastifyInstance } from 'fastify';
import type { CertificateDoc, CertificateStore } from './certificate-store';

/** What the public certificate routes need. */
export interface CertificateRoutesOptions {
  certificates: CertificateStore;
  pdf(certificate: CertificateDoc): Promise<Buffer>;
  timeZone: string;
}

/** The path on the certificate where anyone checks a code. */
export const VERIFY_PATH = '/api/certificates';

const codeParams = { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 4, maxLength: 40 } } } as const;
const fileParams = { type: 'object', required: ['file'], properties: { file: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,64}\\.pdf$' } } } as const;
const verdict = {
  type: 'object',
  properties: { valid: { type: 'boolean' }, issuedOn: { type: 'string' }, devices: { type: 'integer' } },
} as const;

/**
 * Public routes without login: checking a certificate's code (valid or not, the date and the number of
 * devices: no donor, no serials, nothing personal) and the donor's download by its secret token.
 */
export async function certificateRoutes(app: FastifyInstance, options: CertificateRoutesOptions): Promise<void> {
  app.get<{ Params: { code: string } }>(`${VERIFY_PATH}/:code`, {
    schema: { tags: ['certificates'], summary: 'Check a data-wipe certificate by the code printed on it', params: codeParams, response: { 200: verdict, 404: verdict } },
  }, async (request, reply) => {
    const certificate = await options.certificates.byCode(request.params.code);
    if (!certificate) return reply.code(404).send({ valid: false });
    const issuedOn = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone }).format(certificate.issuedAt);
    return { valid: true, issuedOn, devices: certificate.devices.length };
  });

  app.get<{ Params: { file: string } }>('/certificates/:file', {
    schema: { hide: true, params: fileParams },
  }, async (request, reply) => {
    const certificate = await options.certificates.byToken(request.params.file.replace(/\.pdf$/, ''));
    if (!certificate) return reply.code(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="attest-${certificate.reference}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(await options.pdf(certificate));
  });
}
