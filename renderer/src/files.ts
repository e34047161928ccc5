/** Browser-side file helpers: the renderer has no Node, files cross the contract as text/base64. */
export function downloadFile(file: {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}): void {
  const bytes =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0))
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
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { format: 'xlsx', content: btoa(binary), fileName: file.name };
}
