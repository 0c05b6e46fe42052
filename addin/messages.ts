import { Binding } from '../src/bindings/binding';
import { BindingsFormatError } from '../src/bindings/bindingsXml';
import { BindingError } from '../src/bindings/resolveBinding';
import { RulePack } from '../src/packs/rulePack';
import { checkOutcome } from '../src/report/checkOutcome';
import { ReviewFormatError } from '../src/review/reviewXml';
import { formatNumber } from '../src/evaluate/format';
import { CheckOutcome } from './excel/checkWorkbook';
import { ClearReport } from './excel/clearHighlights';
import { MAX_REASONS } from './excel/writeHighlights';
import { ScorecardWriteReport } from './excel/writeScorecard';
import { Localized } from '../src/words/lang';
import { PERIOD_HEADER_EXAMPLE } from '../src/words/glossary';

/** What the add-in tells people after an action, Vietnamese first. Each message is one sentence or two. */

const MAX_REASONS_TEXT = { vi: formatNumber(MAX_REASONS, 'vi', 0), en: formatNumber(MAX_REASONS, 'en', 0) };

const quoted = (names: ReadonlyArray<string>) => names.map((n) => `"${n}"`).join(', ');

export function checkSummary(o: CheckOutcome): Localized {
  const count = (s: string) => o.findings.filter((f) => f.status === s).length;
  const [short, none, met] = [count('shortfall'), count('no-data'), count('met')];
  const verdict = outcomeVerdict(o);
  return {
    vi: `Đã kiểm tra ${o.tables.length} bảng chỉ tiêu: ${short} chưa đạt, ${none} không có số liệu, ${met} đạt.${verdict ? ` ${verdict.vi}` : ''} Đã tô màu ${o.write.marked} ô.`,
    en: `Checked ${o.tables.length} indicator table(s): ${short} shortfall, ${none} no data, ${met} met.${verdict ? ` ${verdict.en}` : ''} ${o.write.marked} cell(s) highlighted.`,
  };
}

/**
 * Whether the pledge is met, as the CLI's exit code decides it (checkOutcome): a target that could
 * not be evaluated has not been met, so "no data" is never read as "nothing wrong". Soft targets
 * (warnings) do not count. Nothing to say when no target was evaluated.
 */
export function outcomeVerdict(o: Pick<CheckOutcome, 'findings'>): Localized | undefined {
  if (o.findings.length === 0) return undefined;
  const outcome = checkOutcome(o.findings);
  if (outcome.allMet) return { vi: 'Mọi chỉ tiêu bắt buộc đều đạt.', en: 'Every required target is met.' };
  // Only a required target's missing data decides; a soft target's (a warning's) never does.
  return o.findings.some((f) => f.severity === 'shortfall' && f.status === 'no-data')
    ? { vi: 'Chưa đạt toàn bộ chỉ tiêu: chỉ tiêu không có số liệu cũng là chưa đạt.', en: 'Not every target is met: a target without data has not been met.' }
    : { vi: 'Chưa đạt toàn bộ chỉ tiêu.', en: 'Not every target is met.' };
}

/** No table found: say what was looked for, so people can see why their sheet did not match. */
export function noIndicatorTable(pack: RulePack): Localized {
  const labels = Object.values(pack.indicators)
    .filter((i) => !i.catalogueOnly)
    .slice(0, 3);
  return {
    vi:
      `Không tìm thấy bảng chỉ tiêu nào trong sổ (đã tìm trên mọi trang, kể cả trang ẩn): một dòng tiêu đề có hai kỳ như ` +
      `${PERIOD_HEADER_EXAMPLE} hoặc "6 tháng 2019 | 6 tháng 2020", hay một Bảng Excel có năm trong tên cột như ` +
      `"Số vụ PPHS năm 2019", cùng các nhãn chỉ tiêu của bộ quy tắc "${pack.id}" như ${quoted(labels.map((l) => l.label.vi))}.`,
    en:
      `No indicator table found in the workbook (every sheet was searched, hidden ones too): a header row with two periods such as ` +
      `${PERIOD_HEADER_EXAMPLE} or "6 tháng 2019 | 6 tháng 2020", or an Excel table with the year in its column names such as ` +
      `"Số vụ PPHS năm 2019", next to indicator labels of rule pack "${pack.id}" such as ${quoted(labels.map((l) => l.label.vi))}.`,
  };
}

/** The figures changed between reading and writing: nothing was highlighted, the findings may be stale. */
export function editedDuringCheck(): Localized {
  return { vi: 'Sổ đã được sửa trong khi kiểm tra — kiểm tra lại?', en: 'The workbook was edited during the check — check again?' };
}

/** Warnings after a check, each to be shown with the summary. */
export function checkWarnings(o: CheckOutcome): Localized[] {
  const w = o.write;
  const out: Localized[] = [];
  if (o.bindingsUnreadable) out.push(bindingsUnreadable(o.bindingsUnreadable));
  if (w.protectedSheets.length) {
    out.push({
      vi: `Không tô màu được trên trang đang được bảo vệ ${quoted(w.protectedSheets)}. Kết quả của trang đó vẫn được liệt kê bên dưới; hãy bỏ bảo vệ trang rồi kiểm tra lại.`,
      en: `Highlights could not be written on the protected sheet(s) ${quoted(w.protectedSheets)}. Their findings are still listed below; unprotect the sheet and check again.`,
    });
  }
  if (w.gradientCells.length) {
    out.push({
      vi: `Không tô ${w.gradientCells.length} ô có nền chuyển màu (gradient), vì không thể trả lại đúng nền đó khi xóa: ${w.gradientCells.join(', ')}.`,
      en: `${w.gradientCells.length} cell(s) with a gradient fill were not highlighted, because that fill could not be put back on Clear: ${w.gradientCells.join(', ')}.`,
    });
  }
  if (w.othersReasonsKept) {
    out.push({
      vi: `${w.othersReasonsKept} ô đã có ghi chú hoặc bình luận của người khác: giữ nguyên, lý do chỉ có trong danh sách bên dưới.`,
      en: `${w.othersReasonsKept} cell(s) already had someone's note or comment: left as it was; the reason is only in the list below.`,
    });
  }
  if (w.attachFailed) {
    out.push({
      vi: 'Excel không cho gắn một số lý do vào ô (có thể ô đã có ghi chú kiểu cũ); các ô vẫn được tô màu và lý do có trong danh sách bên dưới.',
      en: 'Excel refused to attach some reasons to their cells (perhaps an old-style note is there); the cells are still highlighted and the reasons are listed below.',
    });
  }
  if (w.threadsKept.length) out.push(threadsKept(w.threadsKept));
  if (w.conditionalCells.length) {
    const how = w.attached
      ? { vi: 'ghi chú của ô nói rõ điều này', en: 'the cell’s note says so' }
      : { vi: 'hãy xem danh sách bên dưới', en: 'see the list below' };
    out.push({
      vi: `${w.conditionalCells.length} ô được đánh dấu có định dạng có điều kiện, có thể che màu tô (${how.vi}): ${w.conditionalCells.join(', ')}.`,
      en: `${w.conditionalCells.length} marked cell(s) have a conditional format that may hide the fill (${how.en}): ${w.conditionalCells.join(', ')}.`,
    });
  }
  if (w.reasonsOmitted) {
    out.push({
      vi: `Vì có ${w.reasonsOmitted} ô được đánh dấu (hơn ${MAX_REASONS_TEXT.vi}), lý do không được gắn vào từng ô mà chỉ có trong danh sách bên dưới, kèm liên kết tới ô.`,
      en: `With ${w.reasonsOmitted} cells marked (more than ${MAX_REASONS_TEXT.en}), the reasons are not attached to each cell: they are in the list below, with a link to each cell.`,
    });
  }
  if (w.attachKind === null && w.marked) {
    out.push({
      vi: 'Phiên bản Excel này không hỗ trợ ghi chú hay bình luận qua phần bổ trợ: lý do chỉ có trong danh sách bên dưới.',
      en: 'This version of Excel lets add-ins write neither notes nor comments: the reasons are only in the list below.',
    });
  }
  return out;
}

export function clearSummary(r: ClearReport): Localized[] {
  const out: Localized[] =
    r.restored === 0 && !r.protectedSheets.length
      ? [{ vi: 'Không có ô nào do Pledge Check tô màu trong sổ này.', en: 'No cell in this workbook is highlighted by Pledge Check.' }]
      : [
          {
            vi: `Đã trả lại định dạng ban đầu cho ${r.restored} ô và xóa ${r.removedReasons} ghi chú lý do.`,
            en: `Restored the original format of ${r.restored} cell(s) and removed ${r.removedReasons} reason note(s).`,
          },
        ];
  if (r.protectedSheets.length) {
    out.push({
      vi: `Không xóa được màu trên trang đang được bảo vệ ${quoted(r.protectedSheets)}; Pledge Check vẫn nhớ các ô đó, hãy bỏ bảo vệ rồi bấm Xóa tô màu lần nữa.`,
      en: `Highlights could not be removed on the protected sheet(s) ${quoted(r.protectedSheets)}; Pledge Check still remembers them: unprotect and press Clear again.`,
    });
  }
  if (r.threadsKept.length) out.push(threadsKept(r.threadsKept));
  if (r.missingSheets.length) {
    out.push({
      vi: `Không còn trang ${quoted(r.missingSheets)} (đã xóa hoặc đổi tên), nên không trả lại được định dạng ở đó.`,
      en: `The sheet(s) ${quoted(r.missingSheets)} no longer exist (deleted or renamed), so nothing could be restored there.`,
    });
  }
  return out;
}

/** Our comment threads that someone answered: deleting one would delete the replies, so they stay. */
function threadsKept(cells: ReadonlyArray<string>): Localized {
  return {
    vi: `Giữ nguyên ${cells.length} bình luận của Pledge Check vì đã có người trả lời bên dưới (xóa bình luận sẽ xóa cả các câu trả lời): ${cells.join(', ')}.`,
    en: `Kept ${cells.length} Pledge Check comment(s) because someone replied under them (deleting a comment deletes its replies): ${cells.join(', ')}.`,
  };
}

/** Reviews stored in the workbook that match no finding of this check. */
export function reviewsUnmatched(count: number): Localized {
  return {
    vi: `${count} xét duyệt lưu trong sổ không khớp kết quả nào của lần kiểm tra này (đơn vị hay chỉ tiêu không còn trong sổ, hoặc đã xét duyệt theo bộ quy tắc khác); chúng vẫn được giữ trong sổ.`,
    en: `${count} review(s) stored in the workbook match no finding of this check (the unit or target is no longer there, or they were made with another rule pack); they are kept in the workbook.`,
  };
}

/** The reviews part could not be read after a check: the findings stand, their reviews are not shown. */
export function reviewsUnreadable(e: unknown): Localized {
  return e instanceof ReviewFormatError
    ? { vi: `Không hiển thị được các xét duyệt vì ${e.vi}.`, en: `Reviews are not shown because ${e.en}.` }
    : {
        vi: 'Không đọc được các xét duyệt lưu trong sổ; kết quả kiểm tra vẫn đúng.',
        en: 'The reviews stored in the workbook could not be read; the findings are still right.',
      };
}

/** The bindings part could not be read: the check ran with the labels alone. */
export function bindingsUnreadable(e: Localized): Localized {
  return {
    vi: `Không dùng được các chỉ ô số liệu lưu trong sổ vì ${e.vi}; số liệu được tìm theo nhãn như bình thường.`,
    en: `The figure bindings stored in the workbook are not used because ${e.en}; figures were found by their labels as usual.`,
  };
}

/** A binding was stored: what the person said, in the words of the sheet and the pack. */
export function bindingSaved(b: Binding, pack: RulePack): Localized {
  const where = `"${b.label}" (${b.sheet}${b.cell ? `!${b.cell}` : ''})`;
  if (b.kind === 'period') {
    return b.period === 'current'
      ? { vi: `Đã lưu vào sổ: cột ${where} là kỳ này.`, en: `Stored in the workbook: the column ${where} is the current period.` }
      : { vi: `Đã lưu vào sổ: cột ${where} là cùng kỳ.`, en: `Stored in the workbook: the column ${where} is the same period last year.` };
  }
  const label = pack.indicators[b.indicator]?.label ?? { vi: b.indicator, en: b.indicator };
  return { vi: `Đã lưu vào sổ: ${where} là chỉ tiêu "${label.vi}".`, en: `Stored in the workbook: ${where} is the indicator "${label.en}".` };
}

/** After writing the scorecard: where it went, and why a name differs from the usual one. */
export function scorecardSummary(r: ScorecardWriteReport, units: number): Localized[] {
  if (r.structureProtected) {
    return [
      {
        vi: 'Sổ đang được bảo vệ cấu trúc (Xem lại › Bảo vệ Sổ làm việc) nên không thêm được trang Bảng tổng hợp. Hãy bỏ bảo vệ sổ rồi bấm Ghi Bảng tổng hợp lần nữa.',
        en: 'The workbook structure is protected (Review › Protect Workbook), so no scorecard sheet can be added. Unprotect the workbook, then press Write scorecard again.',
      },
    ];
  }
  const [first, ...others] = r.sheets;
  if (!first) return [];
  const out: Localized[] = [
    {
      vi: `Đã ghi Bảng tổng hợp (${units} đơn vị) vào trang "${first.name}"${others.length ? `, cùng các trang ${quoted(others.map((s) => s.name))}` : ''}.`,
      en: `Scorecard (${units} unit(s)) written to the sheet "${first.name}"${others.length ? `, with the sheets ${quoted(others.map((s) => s.name))}` : ''}.`,
    },
  ];
  if (r.replaced.length) {
    out.push({
      vi: `Đã thay các trang Pledge Check ghi lần trước: ${quoted(r.replaced)}.`,
      en: `Replaced the sheets Pledge Check wrote before: ${quoted(r.replaced)}.`,
    });
  }
  const moved = r.sheets.filter((s) => s.name !== s.wanted);
  if (moved.length) {
    out.push({
      vi: `Sổ đã có trang ${quoted(moved.map((s) => s.wanted))} không do Pledge Check ghi (hoặc đã đổi tên, đang được bảo vệ): giữ nguyên, bảng mới ghi vào ${quoted(moved.map((s) => s.name))}.`,
      en: `The workbook already has the sheet(s) ${quoted(moved.map((s) => s.wanted))}, not written by Pledge Check (or renamed, or protected): left as they are; the new ones are ${quoted(moved.map((s) => s.name))}.`,
    });
  }
  return out;
}

/** An Office.js error as a sentence people can act on. */
export function excelProblem(e: unknown): Localized {
  if (e instanceof ReviewFormatError) {
    // Writing over a part that cannot be read would lose its history: nothing was written.
    return {
      vi: `Không ghi được xét duyệt vì ${e.vi}; không ghi đè để khỏi mất các xét duyệt đã có.`,
      en: `The review was not recorded because ${e.en}; it was not overwritten, so no earlier review is lost.`,
    };
  }
  if (e instanceof BindingError) return { vi: `Không chỉ được ô số liệu: ${e.vi}.`, en: `The figure could not be pointed to: ${e.en}.` };
  if (e instanceof BindingsFormatError) {
    return {
      vi: `Không lưu được chỉ ô số liệu vì ${e.vi}; không ghi đè để khỏi mất các chỉ ô đã có.`,
      en: `The binding was not stored because ${e.en}; it was not overwritten, so no earlier binding is lost.`,
    };
  }
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return { vi: 'Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.', en: 'Excel is in cell edit mode: press Enter or Esc, then try again.' };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return {
        vi: 'Sổ quá lớn cho một lần trao đổi với Excel trên web. Hãy thử trên Excel cho máy tính.',
        en: 'The workbook is too large for one exchange with Excel on the web. Try Excel on the desktop.',
      };
    case 'AccessDenied':
      return { vi: 'Excel không cho phép thay đổi sổ này (chỉ đọc hoặc bị khóa).', en: 'Excel does not allow changes to this workbook (read-only or locked).' };
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      return { vi: `Không thực hiện được: ${detail}`, en: `Could not complete: ${detail}` };
    }
  }
}
