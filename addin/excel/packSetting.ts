import { PackChoice, parseStoredChoice } from '../packChoice';

/**
 * The rule pack chosen for a workbook, kept in the workbook itself with Office's document settings
 * (saved with the file, so whoever opens it next checks with the same pack). Plain Office calls,
 * no UI. Settings are data anyone could edit: what comes back is shape-checked here and the pack
 * is checked again before use.
 */
export const PACK_SETTING = 'pledgeCheck.rulePack';

type Settings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

function settings(): Settings | undefined {
  return typeof Office === 'undefined' ? undefined : Office.context?.document?.settings;
}

export function readPackSetting(from: Settings | undefined = settings()): PackChoice | undefined {
  if (!from) return undefined;
  let value: unknown;
  try {
    value = from.get(PACK_SETTING);
  } catch {
    return undefined;
  }
  return parseStoredChoice(value);
}

/** Stores the choice and saves the settings into the document; rejects when Office refuses (read-only file). */
export function writePackSetting(choice: PackChoice, to: Settings | undefined = settings()): Promise<void> {
  if (!to) return Promise.reject(new Error('document settings are not available'));
  to.set(PACK_SETTING, choice.kind === 'builtin' ? { kind: 'builtin', id: choice.id } : { kind: 'file', name: choice.name, text: choice.text });
  return new Promise((resolve, reject) => {
    to.saveAsync((result: Office.AsyncResult<void>) => {
      // The enum's value is "failed"; compared as text so hosts and mocks without the enum agree.
      if (String(result.status) === 'failed') reject(new Error(result.error?.message ?? 'saveAsync failed'));
      else resolve();
    });
  });
}
