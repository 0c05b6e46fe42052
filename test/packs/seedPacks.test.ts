import { builtinPack, defaultPack } from '../../src/packs/builtinPacks';
import { RulePack } from '../../src/packs/rulePack';

const ids = (p: RulePack) => p.rules.map((r) => r.id);
const conditionOf = (p: RulePack, id: string) => p.rules.find((r) => r.id === id)!.conditions;
const severityOf = (p: RulePack, id: string) => p.rules.find((r) => r.id === id)!.severity ?? 'shortfall';

describe('the default pack examples cover the boundaries', () => {
  const pack = defaultPack();
  const given = (fact: string, value: number | null) => pack.examples!.filter((e) => fact in e.facts && e.facts[fact] === value);

  it('60 % recovery exactly meets, a 10 % fall exactly meets, null is no data', () => {
    expect(given('corruption-assets-recovered-pct', 60)[0].expect['corruption-assets-recovered-60pct']).toBe('met');
    expect(given('traffic-deaths-change-pct', -10)[0].expect['traffic-deaths-down-10pct']).toBe('met');
    expect(given('corruption-assets-recovered-pct', null)[0].expect['corruption-assets-recovered-60pct']).toBe('no-data');
  });
});

describe('packs for the pledges in the sources', () => {
  it('Cụm 1 (2020): −5 % offences, 90 % reports, 60 % recovery, no wrongful convictions — nothing else', () => {
    const p = builtinPack('cum-1-2020')!;
    expect(ids(p).sort()).toEqual(['corruption-assets-recovered-60pct', 'crime-reports-resolved-90pct', 'criminal-cases-down-5pct', 'no-wrongful-convictions']);
    expect(p.basedOn).toEqual([{ id: 'default', version: '1.0.0' }]);
  });

  it('Cụm 5 (2020): the article says 10 % fewer traffic deaths, so −10 % stays; soft pledges are warnings', () => {
    const p = builtinPack('cum-5-2020')!;
    expect(conditionOf(p, 'traffic-deaths-down-10pct')).toEqual({ all: [{ fact: 'traffic-deaths-change-pct', operator: 'lessThanInclusive', value: -10 }] });
    for (const id of [
      'criminal-cases-down-5pct',
      'crime-reports-resolved-90pct',
      'serious-cases-cleared-95pct',
      'corruption-assets-recovered-60pct',
      'traffic-deaths-down-10pct',
    ]) {
      expect([id, severityOf(p, id)]).toEqual([id, 'shortfall']);
    }
    for (const id of [
      'crime-reports-received-100pct',
      'fires-explosions-not-up',
      'wanted-persons-arrested-up',
      'reoffending-rate-down',
      'cases-cleared-80pct',
    ]) {
      expect([id, severityOf(p, id)]).toEqual([id, 'warning']);
    }
    expect(ids(p)).not.toContain('no-wrongful-convictions');
    expect(p.description!.vi).toMatch(/10%, không phải 5%/);
  });

  it('Cụm 6 (2024): at least 5 % less crime and Đề án 06 progress as a warning', () => {
    const p = builtinPack('cum-6-2024')!;
    expect(ids(p)).toEqual(['criminal-cases-down-5pct', 'digital-id-rate-up']);
    expect(conditionOf(p, 'criminal-cases-down-5pct')).toEqual(conditionOf(defaultPack(), 'criminal-cases-down-5pct'));
    expect(severityOf(p, 'digital-id-rate-up')).toBe('warning');
  });
});
