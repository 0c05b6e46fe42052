import { createHash } from 'crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/review/sha256';

const node = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('sha256 (pure JS, for the browser and the add-in)', () => {
  it('agrees with Node at every padding boundary', () => {
    for (const n of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 65_537]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(sha256Hex(bytes)).toBe(node(bytes));
    }
  });

  it('agrees with Node on random input', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => sha256Hex(b) === node(b)), { numRuns: 300 });
  });

  it('hashes text as UTF-8 (the FIPS test vector, and Vietnamese)', () => {
    expect(sha256Hex('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('Công an tỉnh Thanh Hóa')).toBe(node(Buffer.from('Công an tỉnh Thanh Hóa', 'utf8')));
  });
});
