import { readConfig } from '../../shared/config';
import { renderCertificatePdf } from '../../shared/certificates/pdf';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { ownCertificate, verificationUrl } from '../../shared/use-cases/certificates';
import { mailingDeps } from '../../shared/composition/wiring';

const config = readConfig(['TABLE_NAME', 'PUBLIC_BASE_URL', 'MAIL_RETRY_BASE_SECONDS']);
const deps = mailingDeps(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS);

/** The participant's certificate PDF again, with the token from their mail. */
export const handler = httpHandler(async (event) => {
  const certificate = await ownCertificate(deps, pathParameter(event, 'registrationId'), event.queryStringParameters?.token);
  const pdf = await renderCertificatePdf(certificate, verificationUrl(config.PUBLIC_BASE_URL, certificate.certificateNumber));
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="certificate-${certificate.certificateNumber}.pdf"`,
      'cache-control': 'no-store, private',
    },
    body: Buffer.from(pdf).toString('base64'),
    isBase64Encoded: true,
  };
});
