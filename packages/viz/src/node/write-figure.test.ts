import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledRect } from '../scene/shapes.js';
import { decodePng } from '../test-support/decode-png.js';
import { xmlProblem } from '../test-support/xml-well-formed.js';
import { renderPng, writePng, writeSvg } from './write-figure.js';

describe('writing figures to files', () => {
  let folder: string;
  const scene = {
    width: 30,
    height: 20,
    background: '#ffffff',
    shapes: [filledRect(0, 0, 10, 20, '#336699')],
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lenet-viz-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes a compressed PNG of the scene at the requested scale, creating folders, leaving no temporary file', async () => {
    const path = join(folder, 'figures', 'bar.png');
    await writePng(scene, path, { scale: 2 });
    const png = decodePng(new Uint8Array(await readFile(path)));
    expect([png.width, png.height]).toEqual([60, 40]);
    expect(Array.from(png.data.subarray(0, 4))).toEqual([0x33, 0x66, 0x99, 255]);
    expect(Array.from(png.data.subarray(59 * 4, 60 * 4))).toEqual([255, 255, 255, 255]);
    expect(await readdir(join(folder, 'figures'))).toEqual(['bar.png']);
  });

  it('compresses with zlib: a flat image takes far less than its raw size', () => {
    expect(renderPng({ ...scene, width: 400, height: 300 }).length).toBeLessThan(4000);
  });

  it('writes a well-formed SVG and replaces an existing file whole', async () => {
    const path = join(folder, 'bar.svg');
    await writeSvg({ ...scene, width: 999 }, path);
    await writeSvg(scene, path);
    const svg = await readFile(path, 'utf8');
    expect(xmlProblem(svg)).toBeUndefined();
    expect(svg).toContain('width="30" height="20"');
  });
});
