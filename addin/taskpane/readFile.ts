/**
 * A picked or dropped file's contents through FileReader, which every webview Office uses has
 * (Blob.text() and arrayBuffer() are missing from older Safari-based ones).
 */
function read<T>(file: Blob, start: (r: FileReader) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    start(reader);
  });
}

export function readFileText(file: Blob): Promise<string> {
  return read<string>(file, (r) => r.readAsText(file, 'utf-8'));
}

export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await read<ArrayBuffer>(file, (r) => r.readAsArrayBuffer(file)));
}
