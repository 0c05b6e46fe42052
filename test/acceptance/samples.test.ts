import { describeWorkbookExpectations, loadExpectations } from '../helpers/expectations';
import { SAMPLES } from '../helpers/paths';

// The project's own sample workbooks (written by ExcelJS, openpyxl and LibreOffice): same contract as the shared fixtures.
describe('samples/', () => {
  for (const [file, exp] of Object.entries(loadExpectations(SAMPLES))) describeWorkbookExpectations(SAMPLES, file, exp);
});
