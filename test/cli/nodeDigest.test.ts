/** The CLI's native SHA-256 gives the core's digests: reviews recorded in one are matched in the other. */
import { nodeDigestOf } from '../../src/cli/nodeDigest';
import { sha256Hex, sha256Of } from '../../src/review/sha256';

describe('nodeDigestOf', () => {
  it.each([
    ['text in pieces', ['[', '"Công an xã số 1"', ',', '"Đã khám phá"', ']']],
    ['a lone surrogate, as U+FFFD', ['a\ud800b']],
    ['pairs and a lone low surrogate', ['😀 ở 𝔸', 'x\udc00']],
    ['bytes', [Uint8Array.from([0, 1, 2, 250, 255])]],
    ['nothing', []],
  ] as Array<[string, Array<string | Uint8Array>]>)('%s: the same as the pure one', (_what, pieces) => {
    expect(nodeDigestOf(pieces)).toBe(sha256Of(pieces));
  });

  it('pieces hash as the text they join to', () => {
    expect(nodeDigestOf(['ab', 'c'])).toBe(sha256Hex('abc'));
    expect(sha256Of(['ab', 'c'])).toBe(sha256Hex('abc'));
  });
});
