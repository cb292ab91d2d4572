import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../../shared/certificates/pdf';
import { certificateFor, isCertificateEligible, newCertificateNumber, verificationView } from '../../../shared/domain/certificate';
import { NOW, aRegistration, anEvent } from '../../support/fixtures';

async function textOf(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await document.getPage(1);
  const content = await page.getTextContent();
  return { pages: document.numPages, text: content.items.map((item) => ('str' in item ? item.str : '')).join('\n') };
}

const event = anEvent({ title: 'Iedereen aan tafel' }, { certificate: { hours: 6.5, organiserName: 'Publiek Denken', signatoryName: 'Marion van der Voort', signatoryTitle: 'Hoofddocent' } });
const certificate = certificateFor(event, aRegistration({ name: 'Zoë Ça Ğ', language: 'nl' }), 'K7QX2-9MDRT', NOW);

describe('certificate PDF', () => {
  it('is one A4 page whose text, read by a real PDF parser, names the holder exactly and carries the number', async () => {
    const pdf = await renderCertificatePdf(certificate, 'https://events.example.org/certificates/K7QX2-9MDRT');
    const { pages, text } = await textOf(pdf);

    expect(pages).toBe(1);
    expect(text).toContain('Zoë Ça Ğ');
    expect(text).toContain('K7QX2-9MDRT');
    expect(text).toContain('7 december 2026');
    expect(text).toContain('6,5 uur');
    expect(text).toContain('Marion van der Voort');
    expect(text).toContain('https://events.example.org/certificates/K7QX2-9MDRT');
  });

  it('renders one certificate after another right, though the parsed font is reused', async () => {
    for (const name of ['Αλέξανδρος Ωμέγα', 'Иван Петров', 'Zoë Ça Ğ']) {
      const pdf = await renderCertificatePdf({ ...certificate, holderName: name }, 'https://events.example.org/certificates/K7QX2-9MDRT');
      expect((await textOf(pdf)).text).toContain(name);
    }
  });

  it('stays small because it embeds only the glyphs it uses', async () => {
    const pdf = await renderCertificatePdf(certificate, 'https://events.example.org/certificates/K7QX2-9MDRT');
    expect(pdf.byteLength).toBeLessThan(40 * 1024);
  });
});

describe('certificate rules', () => {
  it('by default go to people who were checked in, never to cancelled or waitlisted ones', () => {
    expect(isCertificateEligible(aRegistration({ checkedInAt: NOW.toISOString() }), 'attended')).toBe(true);
    expect(isCertificateEligible(aRegistration(), 'attended')).toBe(false);
    expect(isCertificateEligible(aRegistration(), 'confirmed')).toBe(true);
    expect(isCertificateEligible(aRegistration({ status: 'cancelled', checkedInAt: NOW.toISOString() }), 'confirmed')).toBe(false);
    expect(isCertificateEligible(aRegistration({ status: 'waitlisted' }), 'confirmed')).toBe(false);
  });

  it('have numbers that do not follow a sequence', () => {
    const numbers = Array.from({ length: 200 }, newCertificateNumber);
    expect(new Set(numbers).size).toBe(200);
    for (const number of numbers) expect(number).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('verify with the face of the certificate only', () => {
    expect(Object.keys(verificationView(certificate)).sort()).toEqual(['certificateNumber', 'eventDate', 'eventTitle', 'holderName', 'issuedAt', 'valid']);
  });
});
