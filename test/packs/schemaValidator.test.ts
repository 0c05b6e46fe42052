import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { SCHEMA_FILE, VALIDATOR_FILE, validatorSource } from '../../scripts/build-schema-validator';
import { schemaViolations } from '../../src/packs/packSchema';
import { PROJECT_ROOT } from '../helpers/paths';

/**
 * The pack validator is ajv's standalone code, generated at build time: no `new Function` at run
 * time (the task pane's CSP forbids it), one validator for the CLI and the add-in.
 */
describe('the generated pack validator', () => {
  it('is generated from the current schema', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorSource(readFileSync(SCHEMA_FILE, 'utf8')));
  });

  it('is the only validator: nothing under src/ compiles a schema at run time', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? (e.name === 'generated' ? [] : files(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const compiling = files(join(PROJECT_ROOT, 'src')).filter((f) =>
      /new Ajv\b|ajv\.compile\(|from 'ajv'|new Function\(|\beval\(/.test(readFileSync(f, 'utf8').replace(/import type[^;]*;/g, '')),
    );
    expect(compiling).toEqual([]);
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).not.toMatch(/new Function|\beval\(|\brequire\(/);
  });

  it('reports exactly what ajv compiling the schema at run time reports', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
    const reference = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
    const packs = [
      { id: 'X', version: '1', rules: [{ id: 'a', conditions: { all: [{ fact: 'x', operator: 'foo', value: 1 }, { any: [] }] } }] },
      { id: 'ok', version: '1.0.0', title: { vi: 'a', en: 'b' }, indicators: {}, rules: [], extra: true },
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'rules/default.json'), 'utf8')) as unknown,
      [],
      'text',
    ];
    for (const p of packs) {
      reference(p);
      const viaReference = (reference.errors ?? []).length;
      const violations = schemaViolations(p);
      expect(violations.length === 0).toBe(viaReference === 0);
    }
  });
});
