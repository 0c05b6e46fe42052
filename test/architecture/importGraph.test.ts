import { cycles, importGraph } from './importGraph';

/**
 * The floors of the building, lowest first (docs/architecture.md): a file may import its own floor
 * and the floors below, never one above. Each floor is a list of path prefixes; the first floor
 * whose prefix a file starts with (longest prefix wins) is its floor.
 */
const LAYERS: ReadonlyArray<{ readonly name: string; readonly paths: readonly string[] }> = [
  { name: 'ground', paths: ['src/words/', 'src/xml/', 'src/files/', 'src/compact/', 'rules/', 'package.json'] },
  { name: 'grid', paths: ['src/grid/'] },
  { name: 'xlsx', paths: ['src/xlsx/'] },
  { name: 'packs', paths: ['src/packs/'] },
  // The binding model is what the table reader obeys, so it stands with the tables; reading and
  // writing bindings (from a cell, from the workbook's part) stands above them.
  { name: 'tables', paths: ['src/tables/', 'src/bindings/binding.ts'] },
  { name: 'evaluate', paths: ['src/evaluate/'] },
  { name: 'review, bindings', paths: ['src/review/', 'src/bindings/'] },
  { name: 'report', paths: ['src/report/'] },
  { name: 'authoring', paths: ['src/authoring/'] },
  { name: 'cli, serve', paths: ['src/cli/', 'src/serve/'] },
  { name: 'addin', paths: ['addin/'] },
];

function layerOf(file: string): number {
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((layer, index) => {
    for (const prefix of layer.paths) {
      if (file.startsWith(prefix) && prefix.length > bestLength) {
        best = index;
        bestLength = prefix.length;
      }
    }
  });
  return best;
}

const graph = importGraph(['src', 'addin']);
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

describe('the import graph of src/ and addin/', () => {
  it('is read from every source file, with the imports that span lines', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('src/packs/checkRulePack.ts')).toContain('src/packs/packSource.ts');
  });

  it('has no cycle in src/', () => {
    const srcOnly = new Map([...graph].filter(([file]) => file.startsWith('src/')));
    expect(cycles(srcOnly)).toEqual([]);
  });

  it('puts every file on a floor', () => {
    expect([...graph.keys(), ...edges.map((e) => e.to)].filter((file) => layerOf(file) < 0)).toEqual([]);
  });

  it('has no import pointing up a floor', () => {
    const upward = edges
      .filter((e) => layerOf(e.to) > layerOf(e.from))
      .map((e) => `${e.from} (${LAYERS[layerOf(e.from)].name}) → ${e.to} (${LAYERS[layerOf(e.to)].name})`);
    expect(upward).toEqual([]);
  });

  it('never imports addin/ from src/', () => {
    expect(edges.filter((e) => e.from.startsWith('src/') && e.to.startsWith('addin/'))).toEqual([]);
  });

  it('imports src/cli/ only from src/cli/', () => {
    expect(edges.filter((e) => e.to.startsWith('src/cli/') && !e.from.startsWith('src/cli/'))).toEqual([]);
  });

  it('keeps the pack model free of evaluation and reports', () => {
    const fromPacks = edges.filter((e) => e.from.startsWith('src/packs/'));
    expect(fromPacks.filter((e) => /^src\/(evaluate|report)\//.test(e.to))).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds a loop of two and a file importing itself, and nothing in a tree', () => {
    const loop = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', []],
      ['d', ['d']],
    ]);
    expect(cycles(loop)).toEqual([['a', 'b'], ['d']]);
    expect(
      cycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
