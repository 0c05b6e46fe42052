import { JsonBatches } from '../../src/report/jsonBatches';

/**
 * A JSON array made a batch at a time, as the CLI writes it (the maker's hand-made texts, a line
 * each) and as JSON.stringify writes each element: a test holds the two equal, byte for byte.
 */
export function batchTexts(value: unknown): { texts: string[]; stringified: string[] } {
  expect(value).toBeInstanceOf(JsonBatches);
  const batches = value as JsonBatches<unknown>;
  expect(batches.text).toBeDefined();
  // Compact JSON holds no raw line break, so the lines of one batch split back apart.
  const texts = batches.length === 0 ? [] : batches.text!(0, batches.length, '\n').split('\n');
  return { texts, stringified: batches.batch(0, batches.length).map((e) => JSON.stringify(e)) };
}
