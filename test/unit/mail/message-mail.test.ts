import { describe, expect, it } from 'vitest';
import { plainTextHtml, renderMail } from '../../../shared/mail/templates';
import { aRegistration, anEvent } from '../../support/fixtures';

const event = anEvent({ title: 'Iedereen aan tafel' });
const link = 'https://events.example.org/registrations/reg-1?token=t';
const privacyUrl = 'https://events.example.org/events/event-1/privacy?lang=nl';

describe('plain text into HTML', () => {
  it('escapes markup, so a <script> or <b> is text and & is &amp;', () => {
    expect(plainTextHtml('<script>alert(1)</script> & <b>vet</b> "q" \'s').value).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt; &quot;q&quot; &#39;s</p>',
    );
  });

  it('makes paragraphs at blank lines and keeps line breaks within one', () => {
    expect(plainTextHtml('Regel een\nregel twee\n\n  \nTweede alinea\r\n\r\nDerde').value).toBe('<p>Regel een<br>regel twee</p><p>Tweede alinea</p><p>Derde</p>');
  });

  it('links http and https URLs with the URL as the text, leaving the sentence punctuation out', () => {
    expect(plainTextHtml('Route: https://example.org/route?a=1&b=2. Of (zie http://example.org/p).').value).toBe(
      '<p>Route: <a href="https://example.org/route?a=1&amp;b=2" style="color:#0b4f9c">https://example.org/route?a=1&amp;b=2</a>. Of (zie <a href="http://example.org/p" style="color:#0b4f9c">http://example.org/p</a>).</p>',
    );
  });

  it('links nothing else: javascript:, data:, mailto:, www. and markdown stay text', () => {
    const rendered = plainTextHtml('javascript:alert(1) data:text/html,x mailto:a@b.org www.example.org [klik](https://example.org) **vet**').value;

    expect(rendered.match(/<a /g)).toHaveLength(1);
    expect(rendered).toContain('javascript:alert(1) data:text/html,x mailto:a@b.org www.example.org [klik](<a href="https://example.org" style="color:#0b4f9c">https://example.org</a>) **vet**');
  });

  it('cannot be broken out of an attribute by a quote or bracket in a URL', () => {
    expect(plainTextHtml('https://example.org/"onmouseover="x <img>').value).toBe(
      '<p><a href="https://example.org/" style="color:#0b4f9c">https://example.org/</a>&quot;onmouseover=&quot;x &lt;img&gt;</p>',
    );
  });
});

describe('a message mail', () => {
  const message = {
    subject: { nl: 'Parkeren <morgen>', en: 'Parking <tomorrow>' },
    body: { nl: 'Parkeer op P2 & neem de <b>lift</b>.\n\nRoute: https://example.org/route', en: 'Park at P2.\n\nDirections: https://example.org/route' },
  };

  it("carries the organiser's subject and text in the person's language, the event's title, the personal link and the footer", () => {
    const mail = renderMail('message', { event, registration: aRegistration({ language: 'nl' }), personalLink: link, privacyUrl, message });

    expect(mail.subject).toBe('Parkeren <morgen>');
    expect(mail.text).toBe(
      [
        'Een bericht van de organisatie van Iedereen aan tafel:',
        'Parkeer op P2 & neem de <b>lift</b>.\n\nRoute: https://example.org/route',
        `Bekijk je aanmelding, of meld je af als je niet kunt komen. Je plek gaat dan naar de volgende op de wachtlijst.\n${link}`,
        `--\nJe krijgt deze mail omdat je je hebt aangemeld. We gebruiken je gegevens alleen voor dit evenement.\nZo gaan we om met je gegevens (privacy): ${privacyUrl}`,
      ].join('\n\n'),
    );
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain('<h1 style="font-size:24px;margin:0 0 16px">Parkeren &lt;morgen&gt;</h1>');
    expect(mail.html).toContain('<p>Parkeer op P2 &amp; neem de &lt;b&gt;lift&lt;/b&gt;.</p><p>Route: <a href="https://example.org/route" style="color:#0b4f9c">https://example.org/route</a></p>');
    expect(mail.html).toContain(`<a href="${link.replace('&', '&amp;')}" style="color:#0b4f9c;font-weight:bold">Mijn aanmelding bekijken</a>`);
    expect(mail.html).toContain(`<a href="${privacyUrl}"`);
    expect(mail.html).not.toContain('<b>');
    expect(mail.attachments).toEqual([]);
  });

  it('is in English for an English reader', () => {
    const mail = renderMail('message', { event, registration: aRegistration({ language: 'en' }), personalLink: link, message });

    expect(mail.subject).toBe('Parking <tomorrow>');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).toContain('A message from the organisers of Iedereen aan tafel:\n\nPark at P2.');
  });

  it('is in the one language written when the reader’s is missing, chrome included', () => {
    const mail = renderMail('message', { event, registration: aRegistration({ language: 'en' }), personalLink: link, message: { subject: { nl: 'Alleen Nederlands' }, body: { nl: 'Tekst' } } });

    expect(mail.subject).toBe('Alleen Nederlands');
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.text).toContain('Een bericht van de organisatie van Iedereen aan tafel:\n\nTekst');
  });

  it('refuses to render without its text rather than send an empty mail', () => {
    expect(() => renderMail('message', { event, registration: aRegistration(), personalLink: link })).toThrow('A message mail needs its message');
  });
});
