import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { builtinPackIds } from '../../src/packs/builtinPackTexts';
import { checkRulePackFile } from '../../src/packs/loadRulePack';
import { runExamples } from '../../src/authoring/runExamples';
import { PROJECT_ROOT } from '../helpers/paths';

// Every pack in rules/, found by globbing, so a new pack is held to this in CI without anyone listing it.
const RULES = join(PROJECT_ROOT, 'rules');
const packFiles = readdirSync(RULES)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();

describe('rules/', () => {
  it('holds the default pack and the packs for the pledges in the sources', () => {
    expect(packFiles).toEqual(expect.arrayContaining(['default.json', 'cum-1-2020.json', 'cum-5-2020.json', 'cum-6-2024.json']));
  });

  describe.each(packFiles)('%s', (name) => {
    const file = relative(process.cwd(), join(RULES, name));
    const raw = JSON.parse(readFileSync(join(RULES, name), 'utf8')) as { $schema?: string; id: string; extends?: string };

    it('lints clean: no error and no warning', () => {
      expect(checkRulePackFile(file).problems).toEqual([]);
    });

    it('references the published schema, so VS Code completes and checks it', () => {
      expect(raw.$schema).toBe('./rule-pack.schema.json');
    });

    it('is named after its id (how `extends` finds it) and bundled for the browser', () => {
      expect(name).toBe(`${raw.id}.json`);
      expect(builtinPackIds()).toContain(raw.id);
    });

    it('extends the default pack, or is it', () => {
      if (raw.id !== 'default') expect(raw.extends).toBe('default');
      else expect(raw.extends).toBeUndefined();
    });

    it('carries examples and passes every one of them', async () => {
      const { pack, positionOf } = checkRulePackFile(file);
      const outcomes = await runExamples(pack!, positionOf);
      expect(outcomes.length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.issues.length > 0)).toEqual([]);
      // Every rule of the pack is exercised by some example.
      const covered = new Set(pack!.examples!.flatMap((e) => Object.keys(e.expect)));
      expect(pack!.rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    });
  });
});
