import { ColumnRole } from '../tables/indicatorTable';
import { WorkbookReading } from '../tables/workbookReading';
import { Lang } from '../words/lang';

const ROLE: Record<ColumnRole, { vi: string; en: string }> = {
  current: { vi: 'kỳ này (số thực hiện)', en: 'current period (the figure)' },
  baseline: { vi: 'cùng kỳ (để so sánh)', en: 'same period last year (the baseline)' },
  'period-unused': { vi: 'một kỳ khác, không dùng (tháng lẻ, năm cũ)', en: 'another period, not used (a single month, an older year)' },
  plan: { vi: 'kế hoạch / chỉ tiêu giao, không phải số liệu', en: 'plan / pledged target, not a figure' },
  computed: { vi: 'cột tính toán (so sánh, tăng giảm, tỷ lệ), không phải số liệu', en: 'a computed column (comparison, change, rate), not a figure' },
  assessment: { vi: 'tự đánh giá, không phải số liệu', en: 'a self-assessment, not a figure' },
  label: { vi: 'nhãn chỉ tiêu', en: 'indicator labels' },
  unit: { vi: 'tên đơn vị', en: 'unit names' },
  number: { vi: 'số thứ tự', en: 'row numbers' },
  other: { vi: 'không dùng', en: 'not used' },
};

const LAYOUT = {
  A: { vi: 'báo cáo của một đơn vị (chỉ tiêu theo dòng, kỳ theo cột)', en: "one unit's report (indicators as rows, periods as columns)" },
  B: { vi: 'tổng hợp nhiều đơn vị (chỉ tiêu theo dòng, mỗi đơn vị một nhóm cột)', en: 'a consolidation (indicators as rows, a group of columns per unit)' },
  C: { vi: 'bảng đơn vị theo dòng (chỉ tiêu và kỳ theo cột)', en: 'units as rows (indicators and periods as columns)' },
};

/**
 * `explain` in words: each table, its header rows and what each column is, then each indicator of
 * the pack — where it was read, or why not and the closest labels, which a rule author can copy
 * into the pack as synonyms, or point to with `--bind`.
 */
export function explainText(r: WorkbookReading, lang: Lang): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  out.push(vi ? `Sổ ${r.workbook}: ${r.tables.length} bảng chỉ tiêu.` : `Workbook ${r.workbook}: ${r.tables.length} indicator table(s).`);
  if (r.bindings.length) {
    out.push(vi ? `  Chỉ ô số liệu (do người dùng chỉ):` : `  Bindings (set by people):`);
    for (const b of r.bindings) {
      const what = b.kind === 'indicator' ? b.indicator : vi ? (b.period === 'current' ? 'kỳ này' : 'cùng kỳ') : b.period;
      out.push(`    ${b.sheet}: "${b.label}" → ${what}${b.cell ? ` (${b.cell})` : ''}`);
    }
  }
  r.tables.forEach((t, i) => {
    out.push('');
    const rows = t.headerRows.length > 1 ? `${t.headerRows[0]}–${t.headerRows[t.headerRows.length - 1]}` : String(t.headerRows[0]);
    out.push(
      vi
        ? `Bảng ${i + 1}: trang "${t.sheet}"${t.tableName ? `, Bảng Excel ${t.tableName}` : ''}, bắt đầu ở ${t.anchor} — ${LAYOUT[t.layout].vi}; dòng tiêu đề ${rows}.`
        : `Table ${i + 1}: sheet "${t.sheet}"${t.tableName ? `, Excel table ${t.tableName}` : ''}, at ${t.anchor} — ${LAYOUT[t.layout].en}; header row(s) ${rows}.`,
    );
    out.push(vi ? `  Đơn vị: ${shortList(t.units)}` : `  Units: ${shortList(t.units)}`);
    for (const c of t.columns) {
      const ind = c.indicator ? ` [${c.indicator}]` : '';
      out.push(`  ${c.cell.padEnd(6)} "${c.text}" → ${ROLE[c.role][lang]}${ind}`);
    }
    for (const s of t.skipped) {
      out.push(
        vi
          ? `  ${s.cell.padEnd(6)} "${s.label}" → ${s.why === 'breakdown' ? 'dòng chi tiết (trong đó) của' : 'chỉ tiêu khác, hẹp hơn'} ${s.indicator}, không đọc như ${s.indicator}`
          : `  ${s.cell.padEnd(6)} "${s.label}" → ${s.why === 'breakdown' ? 'a breakdown of' : 'a narrower indicator than'} ${s.indicator}, not read as ${s.indicator}`,
      );
    }
    for (const p of t.problems) {
      out.push(
        vi
          ? `  ${p.cell.padEnd(6)} nhãn khớp ngang nhau nhiều chỉ tiêu (${p.detail}): không đoán`
          : `  ${p.cell.padEnd(6)} label matches several indicators equally (${p.detail}): not guessed`,
      );
    }
  });
  out.push('');
  out.push(vi ? 'Chỉ tiêu của bộ quy tắc:' : "The pack's indicators:");
  for (const ind of r.indicators) {
    const name = `${ind.id} (${ind.label[lang]})`;
    if (ind.outcome === 'found' || ind.outcome === 'duplicate') {
      const where = ind.sources.map((s) => {
        const cells = [
          s.current.length ? `${vi ? 'kỳ này' : 'current'} ${s.current.join(', ')}` : '',
          s.baseline.length ? `${vi ? 'cùng kỳ' : 'baseline'} ${s.baseline.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
        return `${s.sheet}!${s.cell} "${s.label}"${s.bound ? (vi ? ' (do người dùng chỉ)' : ' (bound)') : ''}${cells ? ` — ${cells}` : ''}`;
      });
      const dup =
        ind.outcome === 'duplicate'
          ? vi
            ? ' — XUẤT HIỆN NHIỀU LẦN cho cùng đơn vị và kỳ: không có số liệu, hãy chỉ ô đúng bằng --bind'
            : ' — APPEARS SEVERAL TIMES for one unit and period: no data; point to the right one with --bind'
          : '';
      out.push(`  ✓ ${name}: ${where.join(' | ')}${dup}`);
    } else if (ind.outcome === 'ambiguous') {
      const at = ind.ambiguousAt.map((a) => `${a.sheet}!${a.cell} (${a.candidates.join(' / ')})`).join(', ');
      out.push(
        vi
          ? `  ? ${name}: nhãn khớp ngang nhau với chỉ tiêu khác ở ${at}; dùng --bind để chỉ rõ`
          : `  ? ${name}: labels tie with another indicator at ${at}; use --bind to say which`,
      );
    } else {
      const near = ind.nearest.map((n) => `${n.sheet}!${n.cell} "${n.text}"`).join(', ');
      out.push(
        vi
          ? `  ✗ ${name}: không tìm thấy nhãn nào khớp${near ? `; gần nhất: ${near} (thêm vào "match" của bộ quy tắc, hoặc --bind)` : ''}`
          : `  ✗ ${name}: no label matched${near ? `; closest: ${near} (add to the pack's "match", or --bind)` : ''}`,
      );
    }
  }
  return out.join('\n');
}

function shortList(xs: ReadonlyArray<string>): string {
  return xs.length <= 8 ? xs.join(', ') : `${xs.slice(0, 8).join(', ')} … (+${xs.length - 8})`;
}
