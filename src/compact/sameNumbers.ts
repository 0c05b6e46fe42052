/**
 * Whether `kept` holds exactly the first `n` numbers of `gathered`: a list gathered in a scratch
 * array written over row after row is compared with the one kept for the last row, and shared
 * when equal (SheetView.cellCols, a row's heading cells).
 */
export function sameNumbers(kept: ReadonlyArray<number>, gathered: ReadonlyArray<number>, n: number): boolean {
  if (kept.length !== n) return false;
  for (let i = 0; i < n; i++) if (kept[i] !== gathered[i]) return false;
  return true;
}
