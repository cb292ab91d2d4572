import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { readConfig } from '../../shared/config';
import { renderCertificatePdf } from '../../shared/certificates/pdf';
import { httpHandler, pathParameter } from '../../shared/http/handler';
import { responder } from '../../shared/schemas/contract';
import { ownCertificate, verificationUrl } from '../../shared/use-cases/certificates';
import { mailingDeps } from '../../shared/composition/wiring';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['download-certificate']);
const deps = mailingDeps(config.TABLE_NAME, config.MAIL_RETRY_BASE_SECONDS);
const reply = responder(contract);

/** The participant's certificate PDF again, with the token from their mail. */
export const handler = httpHandler(async (event) => {
  const certificate = await ownCertificate(deps, pathParameter(event, 'registrationId'), event.queryStringParameters?.token);
  const pdf = await renderCertificatePdf(certificate, verificationUrl(config.PUBLIC_BASE_URL, certificate.certificateNumber));
  return reply.pdf(200, pdf, {
    'content-disposition': `attachment; filename="certificate-${certificate.certificateNumber}.pdf"`,
    'cache-control': 'no-store, private',
  });
});
