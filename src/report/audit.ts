import { FindingList } from '../evaluate/finding';
import { RulePack } from '../packs/rulePack';
import { checkInputsDigest } from '../review/inputsDigest';
import { ReviewBook, ReviewLogEntry } from '../review/review';
import { DigestOf, sha256Of } from '../review/sha256';

/** What one workbook's check read, so a result can later be matched to the exact figures. */
export interface WorkbookAudit {
  readonly workbook: string;
  /** SHA-256 of the file as read; only where there is a file (not in the add-in). */
  readonly fileDigest?: string;
  /** Digest of every figure the findings were computed from: the same in the CLI and the add-in. */
  readonly inputsDigest: string;
  readonly findings: number;
  /** Who reviewed what, when, oldest first, as stored in the workbook. */
  readonly reviewLog: ReadonlyArray<ReviewLogEntry>;
}

/** The audit trail of one check: which pack (and the packs it extends), when, and what was read. */
export interface CheckAudit {
  readonly checkedAt: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly rulePack: {
    readonly id: string;
    readonly version: string;
    readonly basedOn: ReadonlyArray<{ readonly id: string; readonly version: string }>;
  };
  readonly workbooks: ReadonlyArray<WorkbookAudit>;
}

/** `digestOf`: the pure SHA-256 unless the caller has a faster one (the CLI: Node's). */
export function workbookAudit(
  workbook: string,
  findings: FindingList,
  reviews: ReviewBook,
  fileBytes?: Uint8Array,
  digestOf: DigestOf = sha256Of,
): WorkbookAudit {
  return {
    workbook,
    ...(fileBytes ? { fileDigest: digestOf([fileBytes]) } : {}),
    inputsDigest: checkInputsDigest(findings, digestOf),
    findings: findings.length,
    reviewLog: reviews.log,
  };
}

export function checkAudit(pack: RulePack, checkedAt: Date, toolVersion: string, workbooks: ReadonlyArray<WorkbookAudit>): CheckAudit {
  return {
    checkedAt: checkedAt.toISOString(),
    tool: { name: 'pledge-check', version: toolVersion },
    rulePack: { id: pack.id, version: pack.version, basedOn: pack.basedOn ?? [] },
    workbooks,
  };
}
