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
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (b) => sha256Hex(b) === node(b)),
      { numRuns: 300 },
    );
  });

  it('hashes text as UTF-8 (the FIPS test vector, and Vietnamese)', () => {
    expect(sha256Hex('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('Công an tỉnh Thanh Hóa')).toBe(node(Buffer.from('Công an tỉnh Thanh Hóa', 'utf8')));
  });

  it('hashes text the same without TextEncoder (an old web view, jsdom): UTF-8 with lone surrogates as U+FFFD', () => {
    const saved = globalThis.TextEncoder;
    let fallback: typeof sha256Hex = sha256Hex;
    try {
      delete (globalThis as { TextEncoder?: unknown }).TextEncoder;
      jest.isolateModules(() => {
        fallback = (jest.requireActual('../../src/review/sha256') as typeof import('../../src/review/sha256')).sha256Hex;
      });
    } finally {
      globalThis.TextEncoder = saved;
    }
    expect(fallback).not.toBe(sha256Hex);
    for (const t of ['', 'abc', 'Số vụ PPHS năm 2019 — 12,5 %', 'e\u0301 NFD', '😀 ở 𝔸', 'lone \ud800 x \udc00', 'end \ud83d'])
      expect(fallback(t)).toBe(sha256Hex(t));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (t) => fallback(t) === sha256Hex(t)),
      { numRuns: 300 },
    );
  });
});
