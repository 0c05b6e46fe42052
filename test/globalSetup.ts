import { buildSchemaValidator } from '../scripts/build-schema-validator';

/**
 * The rule pack validator is generated from rules/rule-pack.schema.json (npm run build:schema);
 * regenerate it before any test, so `npx jest` right after a schema edit never runs a stale one.
 */
export default function globalSetup(): void {
  buildSchemaValidator();
}
