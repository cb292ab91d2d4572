import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole, type ConsoleBuild } from '../build';

let outdir: string;
let built: ConsoleBuild;

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'console-build-'));
  built = await buildConsole({ outdir, minify: true });
});

afterAll(() => rm(outdir, { recursive: true, force: true }));

describe('buildConsole', () => {
  it('makes the page, its script and styles, the service worker and the QR decoder chunk', () => {
    expect(built.files).toEqual(expect.arrayContaining(['index.html', 'sw.js']));
    expect(built.files.filter((file) => /^main-[A-Z0-9]+\.(js|css)$/.test(file))).toHaveLength(2);
    expect(built.files.some((file) => /^chunks\/jsQR-[A-Z0-9]+\.js$/.test(file))).toBe(true);
  });

  it('keeps the JavaScript within 150 KB gzipped', () => {
    expect(built.jsGzipBytes).toBeGreaterThan(0);
    expect(built.jsGzipBytes).toBeLessThanOrEqual(150_000);
  });

  it('has no inline script or style and loads nothing from elsewhere (the CSP allows neither)', async () => {
    const html = await readFile(path.join(outdir, 'index.html'), 'utf8');

    const script = built.files.find((file) => file.endsWith('.js') && file.startsWith('main-'));
    const stylesheet = built.files.find((file) => file.endsWith('.css'));
    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script type="module" src="./${script}">`]);
    expect(html).toContain(`<link rel="stylesheet" href="./${stylesheet}">`);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('lets the service worker keep every shell file, and the config', async () => {
    const worker = await readFile(path.join(outdir, 'sw.js'), 'utf8');

    for (const file of built.files.filter((name) => name !== 'sw.js')) expect(worker).toContain(`./${file}`);
    expect(worker).toContain('./config.json');
  });
});
