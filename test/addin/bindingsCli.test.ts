import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readPackageBindings } from '../../src/bindings/workbookBindings';
import { BINDINGS_NAMESPACE } from '../../src/bindings/bindingsXml';
import { bindingsForWorkbook } from '../../src/cli/bindingArgs';
import { withCustomXmlPart } from '../../src/xlsx/patch/customXmlPart';
import { openPackage } from '../../src/xlsx/package';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import { bindSelectedCell } from '../../addin/excel/bindSelectedCell';
import { bindingParts, BYTES, checker, checkIn, finding, select, workbookState } from './bindingsWorkbook';
import { FakeExcel } from './fakeExcel/fakeExcel';
import { runCli, tempDir } from '../helpers/runCli';

/** The bindings part the add-in writes is the one the CLI reads from the saved file: same bindings, same findings. */
describe('a binding made in Excel, read by the CLI', () => {
  it('a binding the add-in wrote is read by the CLI path to the same bindings and the same findings', async () => {
    const state = workbookState();
    select(state, 'E8');
    const { stored } = await bindSelectedCell(new FakeExcel(state).context, checker(), 'criminal-cases');
    const xml = bindingParts(state)[0].xml;

    // The same XML in the .xlsx package, where Excel saves it.
    const saved = withCustomXmlPart(BYTES, BINDINGS_NAMESPACE, xml);
    const pkg = openPackage(saved);
    expect(readPackageBindings(pkg)).toEqual(stored);
    const grid = readWorkbook(saved);
    const cli = await bindingsForWorkbook('so-lieu.xlsx', pkg, grid, checker(), { bindings: [], requests: [] }, false, 'vi');
    expect(cli.list).toEqual(stored);
    const cliFindings = (await checker().check(grid, cli)).findings;
    const { outcome } = await checkIn(state);
    expect(cliFindings.map((f) => [f.ruleId, f.status, f.actual])).toEqual(outcome.findings.map((f) => [f.ruleId, f.status, f.actual]));
    expect(finding(cliFindings).status).toBe('shortfall');

    // And `pledge-check check` itself, on the saved file: the same verdict, exit code 1 (not all met).
    const dir = tempDir();
    writeFileSync(join(dir, 'so-lieu.xlsx'), saved);
    const run = await runCli('check', join(dir, 'so-lieu.xlsx'), '--json', join(dir, 'ket-qua.json'));
    expect(run.code).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'ket-qua.json'), 'utf8')) as { findings: { ruleId: string; status: string }[] };
    expect(json.findings.map((f) => [f.ruleId, f.status])).toEqual(outcome.findings.map((f) => [f.ruleId, f.status]));
  });

  it('without the part, the CLI finds the indicator twice and exits 1: no data is not met', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'so-lieu.xlsx'), BYTES);
    const run = await runCli('check', join(dir, 'so-lieu.xlsx'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/0 chưa đạt, 2 không có số liệu/);
  });
});
