import { html, Html } from './html';
import { Lang } from '../words/lang';
import { errorKind } from '../words/localizedError';

/** One signer of a report: the title in capitals, what the signature stands for, the name once known. */
export interface Signer {
  readonly title: string;
  readonly note?: string;
  readonly name?: string;
}

/**
 * The block a Vietnamese official report ends with: place and date, the two signers (whoever
 * compiled the table, the head of the unit) and where copies go (`Nơi nhận`). Every text can be
 * replaced (`pledge-check check … --signature ky-ten.json`); what is not given keeps the default.
 */
export interface SignatureBlock {
  /**
   * The closing sentence above the block (`Trên đây là …./.`); the report words one from what was
   * checked when none is given. It is printed on the same page as the block, so the block never
   * stands alone on a last page.
   */
  readonly closing?: string;
  /** `Ninh Bình, ngày … tháng … năm 2025`; dotted blanks to fill in by hand when not given. */
  readonly placeDate: string;
  readonly preparer: Signer;
  readonly head: Signer;
  readonly recipientsLabel: string;
  readonly recipients: ReadonlyArray<string>;
}

export const DEFAULT_SIGNATURE: Record<Lang, SignatureBlock> = {
  vi: {
    placeDate: '…………, ngày …… tháng …… năm ……',
    preparer: { title: 'NGƯỜI LẬP BIỂU', note: '(Ký, ghi rõ họ tên)' },
    head: { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký tên, đóng dấu)' },
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Như trên;', '- Lưu: VT.'],
  },
  en: {
    placeDate: '…………, date …… / …… / ……',
    preparer: { title: 'PREPARED BY', note: '(Signature, full name)' },
    head: { title: 'HEAD OF UNIT', note: '(Signature and seal)' },
    recipientsLabel: 'Distribution:',
    recipients: ['- As above;', '- File.'],
  },
};

/** A signature file that cannot be used, in one sentence each language. */
export const SignatureError = errorKind('signature', 'SignatureError');
export type SignatureError = InstanceType<typeof SignatureError>;

/**
 * Reads a signature file: a JSON object whose fields, all optional, replace the defaults:
 * `{ "closing": "…", "placeDate": "…", "preparer": { "title", "note", "name" }, "head": { … }, "recipientsLabel": "…", "recipients": ["…"] }`.
 */
export function parseSignature(text: string, lang: Lang): SignatureBlock {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SignatureError('tệp chữ ký không phải JSON hợp lệ', 'the signature file is not valid JSON');
  }
  const base = DEFAULT_SIGNATURE[lang];
  if (!isObject(data)) throw new SignatureError('tệp chữ ký phải là một đối tượng JSON', 'the signature file must be a JSON object');
  const known = new Set(['closing', 'placeDate', 'preparer', 'head', 'recipientsLabel', 'recipients']);
  const unknown = Object.keys(data).filter((k) => !known.has(k));
  if (unknown.length)
    throw new SignatureError(`tệp chữ ký có trường không dùng: ${unknown.join(', ')}`, `the signature file has unknown fields: ${unknown.join(', ')}`);
  const text_ = (v: unknown, field: string, fallback: string | undefined): string | undefined => {
    if (v === undefined) return fallback;
    if (typeof v !== 'string') throw new SignatureError(`trường ${field} của tệp chữ ký phải là chuỗi`, `the signature file's ${field} must be a string`);
    return v;
  };
  const signer = (v: unknown, field: string, fallback: Signer): Signer => {
    if (v === undefined) return fallback;
    if (!isObject(v))
      throw new SignatureError(
        `trường ${field} của tệp chữ ký phải là đối tượng { title, note, name }`,
        `the signature file's ${field} must be an object { title, note, name }`,
      );
    const title = text_(v.title, `${field}.title`, fallback.title) as string;
    const note = text_(v.note, `${field}.note`, fallback.note);
    const name = text_(v.name, `${field}.name`, fallback.name);
    return { title, ...(note !== undefined ? { note } : {}), ...(name !== undefined ? { name } : {}) };
  };
  const recipients = data.recipients;
  if (recipients !== undefined && (!Array.isArray(recipients) || recipients.some((r) => typeof r !== 'string'))) {
    throw new SignatureError('trường recipients của tệp chữ ký phải là danh sách chuỗi', "the signature file's recipients must be a list of strings");
  }
  const closing = text_(data.closing, 'closing', base.closing);
  return {
    ...(closing !== undefined ? { closing } : {}),
    placeDate: text_(data.placeDate, 'placeDate', base.placeDate) as string,
    preparer: signer(data.preparer, 'preparer', base.preparer),
    head: signer(data.head, 'head', base.head),
    recipientsLabel: text_(data.recipientsLabel, 'recipientsLabel', base.recipientsLabel) as string,
    recipients: (recipients as string[] | undefined) ?? base.recipients,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The report's end: the closing sentence, then the block. Both are kept on one page and that page
 * is not left to them alone: the end may not start a page (`break-before: avoid`), so when it
 * does not fit below the last table the last rows of that table come over with it.
 */
export function signatureHtml(s: SignatureBlock, closing: string): Html {
  const signer = (x: Signer) =>
    html`<div class="signer"><p class="signer-title">${x.title}</p>${x.note ? html`<p class="signer-note">${x.note}</p>` : ''}<div class="signature-space"></div>${x.name ? html`<p class="signer-name">${x.name}</p>` : ''}</div>`;
  return html`<div class="report-end">
<p class="closing">${s.closing ?? closing}</p>
<section class="signature">
<p class="place-date">${s.placeDate}</p>
<div class="signers">${signer(s.preparer)}${signer(s.head)}</div>
<div class="recipients"><p class="recipients-label">${s.recipientsLabel}</p>${s.recipients.map((r) => html`<p>${r}</p>`)}</div>
</section>
</div>`;
}

/** The block's print style (added to the report's CSS). */
export const SIGNATURE_CSS = `
.report-end { break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; margin-top: 4mm; }
.closing { font-size: 9.5pt; text-indent: 8mm; margin: 0; }
.signature { break-inside: avoid; page-break-inside: avoid; margin-top: 4mm; font-size: 10pt; }
.place-date { text-align: right; font-style: italic; margin-right: 6mm; }
.signers { display: flex; justify-content: space-between; gap: 10mm; margin-top: 2mm; }
.signer { flex: 1; text-align: center; }
.signer-title { font-weight: bold; margin: 0; }
.signer-note { font-style: italic; font-size: 9pt; margin: 0; }
.signature-space { height: 22mm; }
.signer-name { font-weight: bold; }
.recipients { margin-top: 4mm; font-size: 8.5pt; }
.recipients p { margin: 0; }
.recipients-label { font-weight: bold; font-style: italic; font-size: 9.5pt; }
`;
