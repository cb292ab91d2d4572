import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';

/**
 * What Chromium's fake camera shows (`--use-file-for-fake-video-capture`): a Y4M video, 4:2:0,
 * played in a loop. The frames here are still pictures in greyscale (U and V at 128).
 */
const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;
const WHITE = 235;
const BLACK = 16;

function video(luma: Buffer): Buffer {
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), ...Array<Buffer>(FRAMES).fill(frame)]);
}

/** A camera pointed at a white wall. */
export const writeBlankVideo = (file: string) => writeFile(file, video(Buffer.alloc(WIDTH * HEIGHT, WHITE)));

/**
 * A camera held in front of a picture (a PNG, such as the QR code in a confirmation mail),
 * enlarged by the largest whole factor that fits and centred, as a phone would see it.
 */
export async function writePictureVideo(file: string, png: Buffer): Promise<void> {
  const picture = PNG.sync.read(png);
  const scale = Math.max(1, Math.floor(Math.min((WIDTH - 40) / picture.width, (HEIGHT - 40) / picture.height)));
  const left = Math.floor((WIDTH - picture.width * scale) / 2);
  const top = Math.floor((HEIGHT - picture.height * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, WHITE);
  for (let y = 0; y < picture.height * scale; y++) {
    for (let x = 0; x < picture.width * scale; x++) {
      const at = (Math.floor(y / scale) * picture.width + Math.floor(x / scale)) * 4;
      const grey = (picture.data[at]! + picture.data[at + 1]! + picture.data[at + 2]!) / 3;
      luma[(top + y) * WIDTH + left + x] = grey < 128 ? BLACK : WHITE;
    }
  }
  await writeFile(file, video(luma));
}
