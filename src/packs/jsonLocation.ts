import { findNodeAtLocation, Node } from 'jsonc-parser';

/** A JSON Pointer (RFC 6901) from path segments: `pointer('rules', 0, 'id')` is `/rules/0/id`. */
export function pointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function segmentsOf(ptr: string): (string | number)[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The node an editor should point at for a pointer: the property (so the cursor lands on its key)
 * when the value belongs to one, else the value. A pointer that does not exist falls back to its
 * nearest existing ancestor, so a problem is never located nowhere.
 */
export function nodeAt(tree: Node, ptr: string): Node {
  const path = segmentsOf(ptr);
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return node.parent?.type === 'property' ? node.parent : node;
  }
  return tree;
}

/** A pointer as authors read it: `$.rules[0].conditions.all[1].operator`. */
export function jsonPathText(ptr: string): string {
  let out = '$';
  for (const s of segmentsOf(ptr)) out += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return out;
}

/** 1-based line and column of an offset, as editors count them (a column counts UTF-16 units, like VS Code). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
