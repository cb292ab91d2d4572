import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'uqr';

/**
 * A QR code as a black-and-white PNG for mail clients, which do not show SVG. uqr computes the
 * modules: ESM that esbuild can shake, about 10 KB in the mail functions where the CommonJS
 * qrcode package took 20 KB. PNG is zlib plus three chunks, so node:zlib writes it without
 * another dependency.
 */
export function qrPng(text: string, { pixelsPerModule = 6, quietZone = 4 } = {}): Buffer {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  const modules = { size, get: (row: number, column: number) => data[row]![column]! };
  const side = (modules.size + 2 * quietZone) * pixelsPerModule;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side, 0);
  for (let y = 0; y < side; y++) {
    const row = y * (rowBytes + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < side; x++) {
      const moduleRow = Math.floor(y / pixelsPerModule) - quietZone;
      const moduleColumn = Math.floor(x / pixelsPerModule) - quietZone;
      const dark = moduleRow >= 0 && moduleColumn >= 0 && moduleRow < modules.size && moduleColumn < modules.size && modules.get(moduleRow, moduleColumn);
      // 1-bit greyscale: 1 is white.
      if (!dark) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, checksum]);
}
