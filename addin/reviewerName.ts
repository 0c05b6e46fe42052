/**
 * Who is reviewing. The name belongs to the person, not to the workbook, so it is not kept in the
 * document's settings: those travel with the file, and a colleague opening it would sign their
 * reviews with someone else's name. It is kept in this computer's localStorage for the add-in's
 * origin instead. Where that storage is refused (private browsing, storage blocked by policy,
 * some partitioned web views), the name lasts for the session and is asked again next time.
 */
export const REVIEWER_KEY = 'pledgeCheck.reviewer';

/** Longer than any real name; keeps a pasted paragraph out of every review's attributes. */
const MAX_LENGTH = 120;

export class ReviewerName {
  private session?: string;

  constructor(private readonly storage: () => Pick<Storage, 'getItem' | 'setItem'> | undefined = browserStorage) {}

  /** The remembered name, if any. */
  get(): string | undefined {
    if (this.session) return this.session;
    try {
      const stored = cleanName(this.storage()?.getItem(REVIEWER_KEY) ?? '');
      return stored || undefined;
    } catch {
      return undefined;
    }
  }

  /** Remembers `name` (cleaned); false when it lasts only for this session. */
  set(name: string): boolean {
    const clean = cleanName(name);
    this.session = clean || undefined;
    try {
      const storage = this.storage();
      if (!storage) return false;
      storage.setItem(REVIEWER_KEY, clean);
      return true;
    } catch {
      return false;
    }
  }
}

/** One line, single spaces, NFC (a name typed with combining marks is the same name), at most MAX_LENGTH characters. */
export function cleanName(name: string): string {
  return Array.from(name.normalize('NFC').replace(/\s+/g, ' ').trim()).slice(0, MAX_LENGTH).join('').trim();
}

function browserStorage(): Storage | undefined {
  // Reading the property itself throws where storage is blocked.
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}
