import { describeWorkbookExpectations, loadExpectations } from '../helpers/expectations';
import { hasSharedFixtures, SHARED_FIXTURES } from '../helpers/paths';

// Acceptance against the team's shared fixtures: runs in CI, skips cleanly on a clone without ../shared.
const suite = hasSharedFixtures ? describe : describe.skip;

suite('acceptance: ../shared/fixtures', () => {
  const expectations = hasSharedFixtures ? loadExpectations(SHARED_FIXTURES) : {};
  for (const [file, exp] of Object.entries(expectations)) describeWorkbookExpectations(SHARED_FIXTURES, file, exp);
  if (!hasSharedFixtures) it('needs ../shared/fixtures', () => undefined);
});
