import { join } from 'path';
import { describeWorkbookExpectations, loadExpectations } from '../helpers/expectations';
import { SAMPLES } from '../helpers/paths';

// The "everyday template" workbooks (samples/everyday/: plan / done / comparison columns, cumulative
// periods, monthly series, breakdown rows, grouped headers, text around the table, spelling), same
// contract as samples/. Skipped unless EVERYDAY=1 while the reader learns these forms.
const EVERYDAY = join(SAMPLES, 'everyday');
const suite = process.env.EVERYDAY === '1' ? describe : describe.skip;

suite('samples/everyday/', () => {
  for (const [file, exp] of Object.entries(loadExpectations(EVERYDAY))) describeWorkbookExpectations(EVERYDAY, file, exp);
});
