import type { verificationView } from '../domain/certificate';
import { pickLanguage } from '../i18n/format';
import { html } from '../i18n/html';
import { pageDocument } from './layout';

const words = {
  nl: { title: 'Certificaat gecontroleerd', valid: 'Dit certificaat is echt.', holder: 'Op naam van', event: 'Evenement', date: 'Datum', number: 'Nummer', issued: 'Uitgegeven op' },
  en: { title: 'Certificate checked', valid: 'This certificate is genuine.', holder: 'Issued to', event: 'Event', date: 'Date', number: 'Number', issued: 'Issued on' },
};

export function renderVerificationPage(verified: ReturnType<typeof verificationView>, acceptLanguage: string | undefined): string {
  const language = pickLanguage(undefined, acceptLanguage, 'nl');
  const w = words[language];
  return pageDocument(
    language,
    w.title,
    html`<h1>${w.title}</h1>
<div class="result" role="status"><p>${w.valid}</p></div>
<dl>
<dt>${w.holder}</dt><dd>${verified.holderName}</dd>
<dt>${w.event}</dt><dd>${verified.eventTitle}</dd>
<dt>${w.date}</dt><dd>${verified.eventDate}</dd>
<dt>${w.number}</dt><dd>${verified.certificateNumber}</dd>
<dt>${w.issued}</dt><dd>${verified.issuedAt.slice(0, 10)}</dd>
</dl>`,
  );
}
