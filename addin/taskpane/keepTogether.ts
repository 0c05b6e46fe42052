/**
 * Joins what must not part at a line end with no-break spaces: a number and its unit
 * (`88,59 %`, `3 điểm %`, `12 pp`), a comparison and its number (`≥ 60 %`). At 350 px the pane
 * otherwise showed `88,59` on one line and `%` on the next.
 */
export function keepTogether(text: string): string {
  return text
    .replace(/(\d) (?=%|điểm %|pp\b|percentage points|vụ\b|người\b|triệu đồng)/g, '$1\u00a0')
    .replace(/điểm %/g, 'điểm\u00a0%')
    .replace(/percentage points/g, 'percentage\u00a0points')
    .replace(/([≥≤<>=≠]) (?=[-−\d])/g, '$1\u00a0');
}
