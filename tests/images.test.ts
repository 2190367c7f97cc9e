import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { photoProblem } from '../lib/bot/photo.js';
import { inLanguage } from '../lib/bot/texts/language.js';
import { downloadTelegramFile, ImageRejected, processPhoto } from '../lib/infra/images.js';

/** Fixtures are generated here, at test time: nothing binary is committed. */
const solid = (width: number, height: number, background = '#3a7') =>
  sharp({ create: { width, height, channels: 3, background } });

/** A 300×200 photo, red square in the top-left corner, stored sideways (EXIF orientation 6) with GPS. */
const sidewaysPhotoWithGps = () =>
  solid(300, 200, '#0000ff')
    .composite([
      { input: { create: { width: 60, height: 60, channels: 3, background: '#ff0000' } }, left: 0, top: 0 },
    ])
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 31/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 24/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

const hasGpsIfd = (exif: Buffer | undefined) =>
  Boolean(exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]))));

/**
 * A real PNG that claims 20000×20000 greyscale pixels: valid header, a highly compressed stream of zero
 * rows. Small on the wire, 400 megapixels once decoded — the shape of a decompression bomb.
 */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = deflateSync(Buffer.alloc((width + 1) * 200), { level: 9 }); // the first rows; enough for a header check
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function rejection(input: Promise<unknown>) {
  const error = await input.then(
    () => undefined,
    (e) => e,
  );
  expect(error).toBeInstanceOf(ImageRejected);
  return (error as ImageRejected).reason;
}

describe('photo processing', () => {
  it('turns a sideways JPEG upright and strips every piece of metadata, GPS included', async () => {
    const input = await sidewaysPhotoWithGps();
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(hasGpsIfd(before.exif)).toBe(true);

    const { jpeg, width, height } = await processPhoto(input);
    expect([width, height]).toEqual([200, 300]);
    const after = await sharp(jpeg).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    // Rotating 90° clockwise moves the top-left corner to the top-right.
    const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    const [r, g, b] = pixel(info.width - 10, 10);
    expect(r).toBeGreaterThan(200);
    expect(g! + b!).toBeLessThan(80);
    expect(pixel(10, 10)[2]).toBeGreaterThan(200);
  });

  it('fits a large photo inside 1280×1280 without enlarging small ones', async () => {
    const big = await processPhoto(await solid(3000, 2000).jpeg().toBuffer());
    expect([big.width, big.height]).toEqual([1280, 853]);
    const small = await processPhoto(await solid(640, 480).png().toBuffer());
    expect([small.width, small.height]).toEqual([640, 480]);
    expect((await sharp(small.jpeg).metadata()).format).toBe('jpeg');
  });

  it('accepts WebP', async () => {
    const result = await processPhoto(await solid(400, 400).webp().toBuffer());
    expect(result.width).toBe(400);
  });

  it('refuses a 20000×20000 PNG as a decompression bomb without decoding it', async () => {
    const bomb = pngBomb(20000, 20000);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20000);
    expect(await rejection(processPhoto(bomb))).toBe('too_many_pixels');
  });

  it.each([
    ['a text file', () => Promise.resolve(Buffer.from('this is not a picture at all'))],
    [
      'random bytes',
      () => Promise.resolve(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
    ],
  ])('refuses %s as not an image', async (_label, make) => {
    expect(await rejection(processPhoto(await make()))).toBe('not_an_image');
  });

  it.each([
    ['a GIF', () => solid(100, 100).gif().toBuffer()],
    [
      'an SVG',
      () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')),
    ],
  ])('refuses %s as an unsupported format', async (_label, make) => {
    expect(await rejection(processPhoto(await make()))).toBe('unsupported_format');
  });

  it('refuses an absurd aspect ratio', async () => {
    expect(await rejection(processPhoto(await solid(4000, 200).jpeg().toBuffer()))).toBe('bad_aspect_ratio');
  });

  it('refuses a truncated JPEG as damaged', async () => {
    const whole = await solid(800, 600).jpeg().toBuffer();
    expect(await rejection(processPhoto(whole.subarray(0, Math.floor(whole.length / 2))))).toBe('corrupt');
  });

  it('refuses a file over the byte limit and says so kindly', async () => {
    const input = await solid(500, 500).png().toBuffer();
    const error = await processPhoto(input, {
      maxBytes: 100,
      maxPixels: 1e7,
      maxAspectRatio: 4,
      maxSide: 1280,
    }).catch((e) => e);
    expect(error).toMatchObject({ reason: 'too_large_bytes' });
    // The words are the bot's (lib/bot/texts/photos.ts), in the person's language.
    expect(photoProblem(error)).toMatch(/too large/);
    expect(inLanguage('de', () => photoProblem(error))).toMatch(/zu groß/);
  });
});

describe('Telegram file download', () => {
  async function serve(bytes: Buffer) {
    const server = createServer((req, res) => {
      if (req.url !== '/file/bot123:abc/photos/x.jpg') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => server.close(),
    };
  }

  it('downloads a file within the limit', async () => {
    const bytes = Buffer.alloc(5000, 7);
    const server = await serve(bytes);
    try {
      expect(await downloadTelegramFile(server.root, '123:abc', 'photos/x.jpg', 10_000)).toEqual(bytes);
    } finally {
      server.close();
    }
  });

  it('stops a download past the limit', async () => {
    const server = await serve(Buffer.alloc(50_000, 1));
    try {
      const error = await downloadTelegramFile(server.root, '123:abc', 'photos/x.jpg', 10_000).catch(
        (e) => e,
      );
      expect(error).toMatchObject({ reason: 'too_large_bytes' });
    } finally {
      server.close();
    }
  });
});
