import fontkit from './fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode/lib/core/qrcode.js';
import type { Certificate } from '../domain/certificate';
import type { Language } from '../domain/event';

/**
 * DejaVu Sans covers Latin, Greek and Cyrillic with their accents, so "Zoë Ça Ğ" prints as
 * registered; the PDF embeds only the glyphs it uses. In the Lambda bundle the fonts sit
 * beside the handler; in development they come from the dejavu-fonts-ttf package.
 */
function fontBytes(file: string): Buffer {
  try {
    return readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)));
  } catch {
    return readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`));
  }
}

/** One face, read once per cold start: a second face would double the subsetting time. */
let font: Buffer | undefined;
const loadFont = () => (font ??= fontBytes('DejaVuSans.ttf'));

/**
 * pdf-lib parses the font anew for every document; the parsed font (with the glyphs it has
 * decoded) can serve every certificate of a warm function instead. Subsets stay per document.
 */
let parsed: ReturnType<typeof fontkit.create> | undefined;
const reusingFontkit: typeof fontkit = { ...fontkit, create: (data: Uint8Array) => (parsed ??= fontkit.create(data)) };

const words = {
  nl: {
    title: 'Certificaat van deelname',
    intro: 'Hierbij verklaren wij dat',
    attended: 'heeft deelgenomen aan',
    hours: (hours: number) => `${String(hours).replace('.', ',')} uur`,
    number: 'Certificaatnummer',
    verify: 'Controleer dit certificaat op',
    locale: 'nl-NL',
  },
  en: {
    title: 'Certificate of attendance',
    intro: 'This is to certify that',
    attended: 'attended',
    hours: (hours: number) => `${hours} hours`,
    number: 'Certificate number',
    verify: 'Verify this certificate at',
    locale: 'en-GB',
  },
} satisfies Record<Language, unknown>;

const A4 = { width: 595.28, height: 841.89 };
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.29, 0.29, 0.29);
const ACCENT = rgb(0.04, 0.31, 0.61);

/** Text may use the page between these margins (the border sits at 30 points). */
const MARGIN = 60;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const SMALLEST = 6;

export interface PlacedLine {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  width: number;
}

/** Words into lines no wider than `width` at `size`; a word wider than a line is broken between characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const character of word) {
      if (line && !fits(line + character)) {
        lines.push(line);
        line = '';
      }
      line += character;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Centred text in a band around `y` at most `height` points tall: at `size` on one line if it
 * fits, else on as few lines as fit, smaller step by step; a name of 200 characters ends up on
 * a few lines in small type, never past the margins.
 */
export function layoutCentred(text: string, font: PDFFont, y: number, size: number, height = size * 1.25): PlacedLine[] {
  for (let fitted = size; ; fitted -= 1) {
    const lines = wrap(text, font, fitted, TEXT_WIDTH);
    const leading = fitted * 1.15;
    if (lines.length * leading <= Math.max(height, leading) || fitted <= SMALLEST) {
      const top = y + ((lines.length - 1) * leading) / 2;
      return lines.map((line, index) => {
        const width = font.widthOfTextAtSize(line, fitted);
        return { text: line, x: (A4.width - width) / 2, y: top - index * leading, size: fitted, width };
      });
    }
  }
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK, height?: number) {
  for (const line of layoutCentred(text, font, y, size, height)) page.drawText(line.text, { x: line.x, y: line.y, size: line.size, font, color });
}

/** The QR code as one vector path (one square per dark module): crisp at any zoom, and fast. */
function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) if (modules.get(row, column)) path += `M${column} ${row}h1v1h-1z`;
  }
  page.drawSvgPath(path, { x, y: y + size, scale: size / modules.size, color: INK, borderWidth: 0 });
}

/** One A4 page: who, what, when, how long, by whom, and how to check it. */
export async function renderCertificatePdf(certificate: Certificate, verificationUrl: string): Promise<Uint8Array> {
  const w = words[certificate.language];
  const document = await PDFDocument.create();
  document.registerFontkit(reusingFontkit);
  document.setTitle(`${w.title}: ${certificate.holderName}`);
  document.setLanguage(certificate.language);
  document.setProducer('event-registration');
  document.setCreationDate(new Date(certificate.issuedAt));
  const regular = await document.embedFont(loadFont(), { subset: true });
  const bold = regular;
  const page = document.addPage([A4.width, A4.height]);

  page.drawRectangle({ x: 30, y: 30, width: A4.width - 60, height: A4.height - 60, borderColor: ACCENT, borderWidth: 2 });
  centred(page, w.title, 720, bold, 28, ACCENT);
  centred(page, w.intro, 650, regular, 14, MUTED);
  centred(page, certificate.holderName, 605, bold, 26, INK, 70);
  centred(page, w.attended, 565, regular, 14, MUTED);
  centred(page, certificate.eventTitle, 525, bold, 18, INK, 40);
  const date = new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${certificate.eventDate}T12:00:00Z`));
  centred(page, [date, certificate.hours ? w.hours(certificate.hours) : undefined].filter(Boolean).join(' · '), 495, regular, 14);
  if (certificate.description) centred(page, certificate.description, 455, regular, 11, MUTED, 70);
  if (certificate.organiserName) centred(page, certificate.organiserName, 395, bold, 14, INK, 30);

  if (certificate.signatoryName) {
    page.drawLine({ start: { x: 180, y: 300 }, end: { x: A4.width - 180, y: 300 }, thickness: 0.75, color: MUTED });
    centred(page, certificate.signatoryName, 283, regular, 12, INK, 14);
    if (certificate.signatoryTitle) centred(page, certificate.signatoryTitle, 266, regular, 10, MUTED, 12);
  }

  drawQr(page, verificationUrl, 60, 70, 90);
  page.drawText(`${w.number}: ${certificate.certificateNumber}`, { x: 170, y: 135, size: 11, font: bold, color: INK });
  page.drawText(w.verify, { x: 170, y: 115, size: 9, font: regular, color: MUTED });
  page.drawText(verificationUrl, { x: 170, y: 101, size: 9, font: regular, color: ACCENT });

  return document.save({ useObjectStreams: true });
}
