/**
 * The CLI's native inflate reads a part into one buffer of its declared size, and believes that
 * size only as far as deflate could reach from the bytes given: a small part declaring hundreds of
 * megabytes is truncated without that much ever being allocated for it.
 */
import * as zlib from 'zlib';
import { nodeInflater } from '../../src/cli/nodeInflater';

const inflate = nodeInflater();
// The module itself, whose functions the inflater looks up when it runs (the namespace import's are fixed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zlibModule = require('zlib') as typeof zlib;

describe('nodeInflater', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives a part its exact bytes, whatever its size against zlib’s chunks', () => {
    for (const size of [0, 1, 63, 64, 16_384, 16_385, 300_000]) {
      const text = Buffer.alloc(size, 'Công an xã ');
      const out = inflate(zlib.deflateRawSync(text), size, 'xl/worksheets/sheet1.xml');
      expect(Buffer.from(out).equals(text)).toBe(true);
    }
  });

  it('a part declaring more than deflate could give is truncated, its declared size never allocated', () => {
    const spy = jest.spyOn(zlibModule, 'inflateRawSync');
    const data = zlib.deflateRawSync(Buffer.alloc(1000, 'x'));
    const declared = 200 * 2 ** 20;
    expect(() => inflate(data, declared, 'xl/worksheets/sheet1.xml')).toThrow(/truncated/);
    const chunk = (spy.mock.calls[0][1] as zlib.ZlibOptions).chunkSize!;
    expect(chunk).toBeLessThanOrEqual(data.length * 1032 + 1024);
    expect(chunk).toBeLessThan(declared / 100);
  });

  it('a part inflating past its declared size is refused as too long', () => {
    const data = zlib.deflateRawSync(Buffer.alloc(5000, 'x'));
    expect(() => inflate(data, 4000, 'xl/worksheets/sheet1.xml')).toThrow(/4000|larger|too|vượt|more/i);
  });
});
