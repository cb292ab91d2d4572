import { create as createFont, type Font } from 'fontkit';
import { Readable } from 'node:stream';

/**
 * Stands in for `@pdf-lib/fontkit` in the Lambda bundles (see `ALIASES` in ../bundling.ts).
 * pdf-lib's fork of fontkit 1 inlines Node polyfills (buffer, streams), iconv-lite's CJK code
 * pages and a brotli decoder: about 920 KB minified, for embedding one TrueType subset.
 * fontkit 2, from the same authors, keeps those as separate modules (about 270 KB with brotli
 * left out, see no-brotli.ts). Its subsets encode to one array where pdf-lib asks for the
 * old stream, so that one method is added back. Certificates rendered either way read the
 * same to pdf.js: the same text, at the same positions and widths, from a valid font subset.
 */
function create(data: Uint8Array): Font {
  const font = createFont(data as Buffer) as Font;
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
  };
  return font;
}

export default { create };
