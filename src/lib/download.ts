/** Saves a blob as a file through a temporary link (no server round trip; works for Playwright's download event). */
export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text as a file of the given MIME type, UTF-8. */
export function downloadText(filename: string, text: string, mime: string) {
  downloadBlob(filename, new Blob([text], { type: `${mime};charset=utf-8` }));
}
