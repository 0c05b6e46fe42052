/**
 * Where the scorecard's sheets go. Pledge Check marks each sheet it makes with a worksheet custom
 * property holding the name it gave the sheet; it travels with the sheet, so a later write can tell
 * its own sheets from the person's. An earlier scorecard sheet is replaced only while it is
 * unmistakably ours: marked, still under the name we gave it (renamed means kept on purpose) and
 * not protected. A sheet of the person's with a wanted name is never touched: the new sheet takes
 * the next free name, `Bảng tổng hợp (2)`.
 */
export const SHEET_MARK_KEY = 'PledgeCheck.sheet';

export function sheetMarkValue(name: string): string {
  return JSON.stringify({ v: 1, made: 'scorecard', name });
}

/** The name recorded in a mark, or undefined when the value is not one of ours. */
export function markedName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const m = JSON.parse(value) as { v?: unknown; made?: unknown; name?: unknown };
    return m.v === 1 && m.made === 'scorecard' && typeof m.name === 'string' ? m.name : undefined;
  } catch {
    return undefined;
  }
}

export interface ExistingSheet {
  readonly name: string;
  readonly visible: boolean;
  readonly protected: boolean;
  /** The value of the sheet's SHEET_MARK_KEY property, if it has one. */
  readonly mark?: string;
}

export interface SheetPlan {
  /** Our earlier scorecard sheets, deleted before the new ones are added. */
  readonly remove: ReadonlyArray<string>;
  /** The sheets to add, in order: the name each should have and the name it gets. */
  readonly add: ReadonlyArray<{ readonly wanted: string; readonly name: string }>;
}

const MAX_NAME = 31; // Excel's limit for a sheet name

export function planScorecardSheets(existing: ReadonlyArray<ExistingSheet>, wanted: ReadonlyArray<string>): SheetPlan {
  const ours = existing.filter((s) => !s.protected && markedName(s.mark) !== undefined && sameSheetName(markedName(s.mark) as string, s.name));
  // Excel keeps one visible sheet: if only ours are visible, leave them and write beside them.
  const kept = existing.filter((s) => !ours.includes(s));
  const remove = kept.some((s) => s.visible) ? ours : [];
  const taken = new Set(existing.filter((s) => !remove.includes(s)).map((s) => key(s.name)));
  const add = wanted.map((w) => {
    const name = freeName(w, taken);
    taken.add(key(name));
    return { wanted: w, name };
  });
  return { remove: remove.map((s) => s.name), add };
}

/** `name`, else `name (2)`, `name (3)`… shortened to fit Excel's 31 characters. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate =
      Array.from(name)
        .slice(0, MAX_NAME - suffix.length)
        .join('')
        .trimEnd() + suffix;
    if (!taken.has(key(candidate))) return candidate;
  }
}

/** Excel compares sheet names ignoring case. */
const key = (name: string) => name.normalize('NFC').toLocaleLowerCase('vi');

function sameSheetName(a: string, b: string): boolean {
  return key(a) === key(b);
}
