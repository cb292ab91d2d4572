import { CertificateRepository } from '../adapters/dynamo/certificate-repository';
import { renderCertificatePdf } from '../certificates/pdf';
import type { MailDeps } from '../use-cases/deps';
import { verificationUrl } from '../use-cases/certificates';

/** Certificate mails carry the PDF; only the functions that send them bundle pdf-lib and the font. */
export function certificateExtras(tableName: string, publicBaseUrl: string): NonNullable<MailDeps['extras']> {
  const certificates = new CertificateRepository(tableName);
  return async (mail) => {
    if (mail.kind !== 'certificate') return undefined;
    const certificate = await certificates.ofRegistration(mail.eventId, mail.registrationId);
    if (!certificate) throw new Error(`No certificate issued for registration ${mail.registrationId}`);
    const url = verificationUrl(publicBaseUrl, certificate.certificateNumber);
    const pdf = await renderCertificatePdf(certificate, url);
    return {
      verificationUrl: url,
      attachments: [{ filename: `certificate-${certificate.certificateNumber}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' }],
    };
  };
}
