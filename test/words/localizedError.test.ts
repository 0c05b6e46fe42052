import { BindingsFormatError } from '../../src/bindings/bindingsXml';
import { BindingError } from '../../src/bindings/resolveBinding';
import { UsageError } from '../../src/cli/args';
import { ServeUsageError } from '../../src/cli/serveCommand';
import { SignatureError } from '../../src/report/signatureBlock';
import { ReviewFormatError } from '../../src/review/reviewXml';
import { LocalizedError } from '../../src/words/localizedError';
import { PackFileError } from '../../src/packs/loadRulePack';
import { WorkbookFormatError } from '../../src/xlsx/workbookFormatError';
import { ZipError } from '../../src/xlsx/zip/zipReader';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';

describe('the one error about what a person gave', () => {
  it('is the same error under every name, each with its own code and both sentences', () => {
    const kinds = [
      [UsageError, 'usage'],
      [ServeUsageError, 'serve-usage'],
      [SignatureError, 'signature'],
      [ReviewFormatError, 'reviews-part'],
      [BindingsFormatError, 'bindings-part'],
      [BindingError, 'binding'],
      [WorkbookFormatError, 'workbook'],
      [ZipError, 'zip'],
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

  it('is also what a workbook or a pack file that cannot be read throws, so every caller shows the same two sentences', () => {
    const notAZip = new TextEncoder().encode('not a workbook');
    let thrown: unknown;
    try {
      readWorkbook(notAZip);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(WorkbookFormatError);
    expect(thrown).toBeInstanceOf(LocalizedError);
    expect((thrown as LocalizedError).code).toBe('workbook');
    expect((thrown as LocalizedError).vi).not.toEqual((thrown as LocalizedError).en);
    expect(new WorkbookFormatError('tệp .xls', 'an .xls file', 'xls').format).toBe('xls');
    const packFile = new PackFileError('rules/a.json', 'không có tệp này', 'no such file');
    expect([packFile.code, packFile.file, packFile.text]).toEqual(['pack-file', 'rules/a.json', { vi: 'không có tệp này', en: 'no such file' }]);
  });
});
