import { FUNCTION_SETTINGS } from '../../shared/config/functions';
import { CertificateRepository } from '../../shared/adapters/dynamo/certificate-repository';
import { readConfig } from '../../shared/config';
import { header, httpHandler, pathParameter } from '../../shared/http/handler';
import { renderVerificationPage } from '../../shared/pages/verification-page';
import { responder } from '../../shared/schemas/contract';
import { verifyCertificate } from '../../shared/use-cases/certificates';
import { contract } from './schema';

const config = readConfig(FUNCTION_SETTINGS['verify-certificate']);
const deps = { certificates: new CertificateRepository(config.TABLE_NAME) };
const reply = responder(contract);

/** Anyone (an employer) checks a certificate: JSON, or a page for browsers. */
export const handler = httpHandler(async (event) => {
  const verified = await verifyCertificate(deps, pathParameter(event, 'certificateNumber'));
  return (header(event, 'accept') ?? '').includes('text/html')
    ? reply.page(200, renderVerificationPage(verified, header(event, 'accept-language')))
    : reply.json(200, verified);
});
