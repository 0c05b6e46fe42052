import defaultPackJson from '../../rules/default.json';
import { parseRulePack } from './checkRulePack';
import { RulePack } from './rulePack';

/** The pack used when none is given. Checked like any other pack, so a broken edit cannot ship. */
export function defaultPack(): RulePack {
  return parseRulePack(JSON.stringify(defaultPackJson), 'rules/default.json');
}
