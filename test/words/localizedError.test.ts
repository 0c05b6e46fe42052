import { BindingsFormatError } from '../../src/bindings/bindingsXml';
import { BindingError } from '../../src/bindings/resolveBinding';
import { UsageError } from '../../src/cli/args';
import { ServeUsageError } from '../../src/cli/serveCommand';
import { SignatureError } from '../../src/report/signatureBlock';
import { ReviewFormatError } from '../../src/review/reviewXml';
import { LocalizedError } from '../../src/words/localizedError';

describe('the one error about what a person gave', () => {
  it('is the same error under every name, each with its own code and both sentences', () => {
    const kinds = [
      [UsageError, 'usage'],
      [ServeUsageError, 'serve-usage'],
      [SignatureError, 'signature'],
      [ReviewFormatError, 'reviews-part'],
      [BindingsFormatError, 'bindings-part'],
      [BindingError, 'binding'],
    ] as const;
    for (const [Kind, code] of kinds) {
      const e = new Kind('câu tiếng Việt', 'an English sentence');
      expect(e).toBeInstanceOf(LocalizedError);
      expect(e).toBeInstanceOf(Error);
      expect([e.code, e.vi, e.en, e.message, e.text]).toEqual([
        code,
        'câu tiếng Việt',
        'an English sentence',
        'an English sentence',
        { vi: 'câu tiếng Việt', en: 'an English sentence' },
      ]);
      for (const [Other] of kinds) if (Other !== Kind) expect(e).not.toBeInstanceOf(Other);
    }
  });
});
