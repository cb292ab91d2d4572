import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrPng } from '../../../shared/mail/qr-png';

describe('qrPng', () => {
  it('writes a valid PNG with a white quiet zone and dark modules', () => {
    const image = PNG.sync.read(qrPng('ABCD-EFGH'));
    // Version 1 (21 modules) plus 4 quiet modules each side, 6 pixels a module.
    expect([image.width, image.height]).toEqual([174, 174]);
    const pixel = (x: number, y: number) => image.data[(y * image.width + x) * 4]!;
    expect(pixel(0, 0)).toBe(255);
    // The top-left finder pattern starts right after the quiet zone.
    expect(pixel(24, 24)).toBe(0);
    expect(pixel(24 + 6, 24 + 6)).toBe(255);
  });
});
