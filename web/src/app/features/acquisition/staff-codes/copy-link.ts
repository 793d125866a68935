/** 复制链接 (R-2.2.1-09): the code's QR link on the clipboard; false when the browser refuses. */
export async function copyLink(link: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(link);
    return true;
  } catch {
    return false;
  }
}
