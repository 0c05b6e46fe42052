import { Lang } from '../words/lang';

/** `Bộ quy tắc cum-5-2020 1.0.0 (dựa trên default 1.0.0)`: which pack judged, and every pack under it. */
export function packLine(p: { id: string; version: string; basedOn: ReadonlyArray<{ id: string; version: string }> }, lang: Lang): string {
  const base = p.basedOn.length ? ` (${lang === 'vi' ? 'dựa trên' : 'based on'} ${p.basedOn.map((b) => `${b.id} ${b.version}`).join(', ')})` : '';
  return `${lang === 'vi' ? 'Bộ quy tắc' : 'Rule pack'} ${p.id} ${p.version}${base}`;
}
