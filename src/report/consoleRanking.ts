import { formatNumber } from '../evaluate/format';
import { packLine } from './packLine';
import { Scorecard } from './scorecard';
import { Lang } from '../words/lang';

/** After a cluster's workbooks: the ranking in a few lines, one unit a line, best first. */
export function consoleRanking(s: Scorecard, lang: Lang): string {
  const vi = lang === 'vi';
  const lines = [
    `${vi ? 'Xếp hạng' : 'Ranking'} (${packLine({ id: s.pack.id, version: s.pack.version, basedOn: s.pack.basedOn }, lang)}, ${vi ? 'tối đa' : 'at most'} ${formatNumber(s.maxPoints, lang)} ${vi ? 'điểm' : 'points'}):`,
  ];
  let period: string | undefined;
  for (const r of s.rows) {
    if (r.period !== undefined && r.period !== period) lines.push(`  ${vi ? 'Kỳ' : 'Period'} ${r.period}:`);
    period = r.period;
    const n = r.counts;
    const counts = vi
      ? `${n.met} đạt, ${n.shortfall} chưa đạt${n.warning ? `, ${n.warning} chỉ tiêu mềm chưa đạt` : ''}${n.noData ? `, ${n.noData} không có số liệu` : ''}${n.notReported ? `, ${n.notReported} không có trong sổ` : ''}`
      : `${n.met} met, ${n.shortfall} shortfall${n.warning ? `, ${n.warning} soft missed` : ''}${n.noData ? `, ${n.noData} no data` : ''}${n.notReported ? `, ${n.notReported} not in workbook` : ''}`;
    lines.push(`  ${String(r.rank).padStart(3)}. ${r.unit} — ${formatNumber(r.points, lang)} ${vi ? 'điểm' : 'points'} (${counts})`);
  }
  return lines.join('\n');
}
