import { create } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createEventSchema } from '../../../functions/create-event/schema';
import { registrationSchema } from '../../../functions/register/schema';
import { drawableCodePoints, undrawableCharacters } from '../../../shared/certificates/coverage';
import { renderCertificatePdf } from '../../../shared/certificates/pdf';
import { certificateFor } from '../../../shared/domain/certificate';
import { fieldErrors } from '../../../shared/http/validation';
import * as z from '../../../shared/schemas/zod';
import { NOW, aRegistration, anEvent } from '../../support/fixtures';

const A4_WIDTH = 595.28;
const BORDER = 30;
const fontFile = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const font = create(readFileSync(fontFile)) as unknown as { characterSet: number[]; glyphForCodePoint(codePoint: number): { id: number } };

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
}

/** The page's text as pdf.js reads it back, each piece with where it starts and ends. */
async function linesOf(pdf: Uint8Array): Promise<Line[]> {
  const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  return content.items.flatMap((item) => ('str' in item && item.str ? [{ text: item.str, left: item.transform[4] as number, right: (item.transform[4] as number) + item.width, y: item.transform[5] as number }] : []));
}

const event = anEvent(
  { title: 'Iedereen aan tafel: burgerparticipatie die werkt, van de eerste uitnodiging tot het laatste besluit in de gemeenteraad en daarna' },
  { certificate: { hours: 6.5, organiserName: 'Publiek Denken', signatoryName: 'Marion van der Voort', signatoryTitle: 'Hoofddocent', description: 'Een dag over '.repeat(70).trim() } },
);
const render = (name: string) => renderCertificatePdf(certificateFor(event, aRegistration({ name, language: 'nl' }), 'K7QX2-9MDRT', NOW), 'https://events.example.org/certificates/K7QX2-9MDRT');

describe('names on the certificate', () => {
  it.each([
    ['200 characters in words', `${'Wolfeschlegelsteinhausenbergerdorff '.repeat(6)}Zoë Ça Ğ Ærø`.slice(0, 200)],
    ['200 characters in one word', 'W'.repeat(200)],
    ['Greek, Cyrillic and an emoji the font has', 'Αλέξανδρος Иванова Zoë 😀'],
  ])('prints %s whole, inside the border, with a glyph for every character', async (_what, name) => {
    expect([...name].length).toBeLessThanOrEqual(200);
    expect(undrawableCharacters(name)).toEqual([]);
    for (const character of name) expect(font.glyphForCodePoint(character.codePointAt(0)!).id, character).not.toBe(0);

    const lines = await linesOf(await render(name));

    for (const line of lines) {
      expect(line.left, line.text).toBeGreaterThanOrEqual(BORDER);
      expect(line.right, line.text).toBeLessThanOrEqual(A4_WIDTH - BORDER);
    }
    // The lines of the name (between "Hierbij verklaren wij dat" and "heeft deelgenomen aan"), top to bottom, are the name: nothing blank, nothing lost.
    const nameLines = lines.filter((line) => line.y < 645 && line.y > 570).sort((a, b) => b.y - a.y);
    expect(nameLines.map((line) => line.text).join('').replace(/\s/g, '')).toBe(name.replace(/\s/g, ''));
  });

  it.each(['王小明', '김민준', 'ሰላም ተስፋዬ', 'अनिल कुमार', 'สมชาย ใจดี', 'Zoë 王'])('refuses to register %s, in a script the certificate cannot print, with a field error', (name) => {
    const result = z.safeParse(registrationSchema, { name, email: 'ann@example.org', consent: true });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('name');
    expect(errors[0]!.message).toMatch(/^has characters our certificate of attendance cannot print \(.+\): please write it in Latin, Greek or Cyrillic letters$/);
  });

  it("refuses the organiser's certificate texts the font cannot print", () => {
    const result = z.safeParse(createEventSchema, {
      title: 'Masterclass',
      startsAt: '2026-12-07T09:00:00+01:00',
      endsAt: '2026-12-07T17:00:00+01:00',
      venue: { name: 'Provinciehuis' },
      capacity: 30,
      certificate: { signatoryName: '佐藤 花子' },
    });
    expect(fieldErrors(result.error!).map((error) => error.field)).toEqual(['certificate.signatoryName']);
  });

  it('knows exactly the characters the font can draw', () => {
    expect(drawableCodePoints()).toEqual([...font.characterSet].sort((a, b) => a - b));
  });
});
