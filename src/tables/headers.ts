import { fold } from './text';

/** Header words that name the column of indicator labels (`Nội dung chỉ tiêu`, `Chỉ tiêu`). */
export function isLabelHeader(text: string): boolean {
  return /^(noi dung|ten chi tieu|chi tieu|danh muc|linh vuc|noi dung chi tieu|cac chi tieu)\b/.test(fold(text));
}

export function isSttHeader(text: string): boolean {
  return /^(stt|tt|so tt|so thu tu)$/.test(fold(text));
}

/** The column of unit names in a layout C table. */
export function isUnitHeader(text: string): boolean {
  return /^(don vi|ten don vi|cong an|dia phuong|tinh thanh pho|tinh|don vi thi dua)$/.test(fold(text));
}

/** A column that names each row's reporting period in a layout C table (`Tháng`, `Kỳ báo cáo`). */
export function isSubjectPeriodHeader(text: string): boolean {
  return /^(thang|ky|ky bao cao|ky thong ke|thoi gian|thoi ky|quy|thang nam|nam|giai doan)$/.test(fold(text));
}

/** Free-text columns are never indicators. */
export function isFreeTextHeader(text: string): boolean {
  return /^(ghi chu|nhan xet|danh gia|ly do|giai trinh|don vi tinh|dvt|xep loai|xep hang)\b/.test(fold(text));
}

/**
 * Totals rows of a consolidation are not a unit. Checked with diacritics kept: folded, `Cộng`
 * (total) and `Công an …` (police) are the same word.
 */
export function isTotalsLabel(text: string): boolean {
  const t = text.normalize('NFC').toLocaleLowerCase('vi').trim();
  if (
    /^(tổng cộng|cộng|tổng|tổng số|toàn cụm|cả cụm|tổng hợp|total|toàn tỉnh|toàn thành phố|toàn tp|toàn quốc|toàn ngành|toàn lực lượng|toàn đơn vị|cả tỉnh|cả nước)(?=$|[\s:(,.-])/u.test(
      t,
    )
  )
    return true;
  return /^(tong cong|tong so|toan cum)$/.test(fold(text));
}
