import { join } from 'path';
import { describeWorkbookExpectations, loadExpectations } from '../helpers/expectations';
import { SAMPLES } from '../helpers/paths';

// The "everyday template" workbooks (samples/everyday/: plan / done / comparison columns, cumulative
// periods, monthly series, breakdown rows, grouped headers, text around the table, spelling), same
// contract as samples/. Their expected statuses come from the generator's own figures, not the reader.
const EVERYDAY = join(SAMPLES, 'everyday');

describe('samples/everyday/', () => {
  for (const [file, exp] of Object.entries(loadExpectations(EVERYDAY))) describeWorkbookExpectations(EVERYDAY, file, exp);
});
