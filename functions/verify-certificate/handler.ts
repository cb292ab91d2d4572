import { CertificateRepository } from '../../shared/adapters/dynamo/certificate-repository';
import { readConfig } from '../../shared/config';
import { header, httpHandler, pathParameter } from '../../shared/http/handler';
import { json, page } from '../../shared/http/responses';
import { renderVerificationPage } from '../../shared/pages/verification-page';
import { verifyCertificate } from '../../shared/use-cases/certificates';

const config = readConfig(['TABLE_NAME']);
const deps = { certificates: new CertificateRepository(config.TABLE_NAME) };

/** Anyone (an employer) checks a certificate: JSON, or a page for browsers. */
export const handler = httpHandler(async (event) => {
  const verified = await verifyCertificate(deps, pathParameter(event, 'certificateNumber'));
  return (header(event, 'accept') ?? '').includes('text/html') ? page(200, renderVerificationPage(verified, header(event, 'accept-language'))) : json(200, verified);
});
