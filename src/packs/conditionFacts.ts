import type { TopLevelCondition } from 'json-rules-engine';

/** Every fact a json-rules-engine condition tree reads, including facts used as comparison values. */
export function factsOfConditions(cond: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(cond)) {
    for (const c of cond) factsOfConditions(c, out);
    return out;
  }
  if (typeof cond !== 'object' || cond === null) return out;
  const c = cond as Record<string, unknown>;
  if (typeof c.fact === 'string') out.add(c.fact);
  if (typeof c.value === 'object' && c.value !== null && typeof (c.value as { fact?: unknown }).fact === 'string') {
    out.add((c.value as { fact: string }).fact);
  }
  for (const k of ['all', 'any', 'not']) if (k in c) factsOfConditions(c[k], out);
  return out;
}

export type { TopLevelCondition };
