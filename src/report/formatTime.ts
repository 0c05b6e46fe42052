/**
 * A time as people in Vietnam write it, `05/11/2026 14:30 (UTC+07:00)`, in the local time of the
 * machine showing it, with the offset, so a report printed elsewhere still reads right. English
 * reports use the same day/month order (en-GB).
 */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `UTC${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())} (${zone})`;
}
