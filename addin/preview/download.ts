/** The .xlsx media type, so the browser saves the copy as a workbook. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Hands bytes to the browser as a download (Blob + a temporary anchor): nothing leaves the
 * computer. The object URL is released once the browser has taken the file.
 */
export function downloadBytes(doc: Document, bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
