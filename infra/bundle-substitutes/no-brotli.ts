/**
 * Stands in for `brotli/decompress.js` in the Lambda bundles (see `ALIASES` in ../bundling.ts).
 * fontkit needs brotli only to unpack WOFF2 web fonts, and the brotli package, with its
 * dictionary, is about 470 KB of the bundle; the certificates embed a TrueType font read
 * from disk.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts cannot be read in this bundle: embed a TrueType or OpenType font');
}
