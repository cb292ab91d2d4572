// The qrcode package's core encoder, imported alone so the PNG and canvas renderers stay out
// of the bundles. Its public create() has this shape (see @types/qrcode).
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';
  export function create(text: string, options?: QRCodeOptions): QRCode;
  const core: { create: typeof create };
  export default core;
}
