import { create as createFont, type Font } from 'fontkit';
import { Readable } from 'node:stream';
import type { Fontkit } from 'pdf-lib/cjs/types/fontkit';

/**
 * fontkit 2 in the shape pdf-lib's `registerFontkit` expects. pdf-lib's own fork of fontkit 1
 * inlines Node polyfills (buffer, streams), iconv-lite's CJK code pages and a brotli decoder:
 * about 920 KB minified, for embedding one TrueType subset. fontkit 2, from the same authors,
 * keeps those as separate modules (about 270 KB in the bundle, brotli left out: see
 * infra/bundle-substitutes/no-brotli.ts). Its subsets encode to one array where pdf-lib asks
 * for the old stream, so that one method is added back. Tests, `npm start` and Lambda all run
 * this same code.
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

/** pdf-lib types its fontkit after fontkit 1's typings; fontkit 2's fonts have what it uses. */
export default { create } as unknown as Fontkit;
