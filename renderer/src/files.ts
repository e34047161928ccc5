/** Browser-side file helpers: the renderer has no Node, files cross the contract as text/base64. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes as base64, in chunks: one String.fromCharCode call per byte would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A PDF for an in-app frame (CSP frame-src blob:); revoke it when the frame goes. */
export function pdfBlobUrl(base64: string): string {
  return URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: 'application/pdf' }));
}

export function downloadFile(file: {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}): void {
  const bytes =
    file.encoding === 'base64'
      ? base64ToBytes(file.content)
      : new TextEncoder().encode(file.content);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file: JSON as text, anything else as base64. */
export async function readChosenFile(
  file: File,
): Promise<{ format: 'json' | 'xlsx'; content: string; fileName: string }> {
  const isJson = file.name.toLowerCase().endsWith('.json') || file.type === 'application/json';
  if (isJson) return { format: 'json', content: await file.text(), fileName: file.name };
  const content = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  return { format: 'xlsx', content, fileName: file.name };
}
