import { createHash } from 'crypto';
import { DigestOf } from '../review/sha256';

/** Node's native SHA-256 for the audit's digests: the same values as the core's pure one, several times faster. */
export const nodeDigestOf: DigestOf = (pieces) => {
  const hash = createHash('sha256');
  for (const p of pieces) hash.update(p); // text as UTF-8, lone surrogates as U+FFFD, as TextEncoder
  return `sha256:${hash.digest('hex')}`;
};
