/**
 * Markdown export, loaded when a person asks for it: the document as core writes it
 * (`postmortemMarkdown`), downloaded as a file or copied to the clipboard. Nothing leaves the
 * page otherwise: the download is a local blob, and copying needs the person's click.
 */
import { postmortemMarkdown, type PostmortemExportInput } from '@hansei/core';

/** The Markdown of the postmortem. */
export function markdownOf(input: PostmortemExportInput): string {
  return postmortemMarkdown(input);
}

/** A file name for the postmortem: its title in lower case letters, digits and dashes (any script), else its id. */
export function fileName(title: string, id: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `postmortem-${slug || id}.md`;
}

/** Offers `markdown` as a download named `name`. */
export function download(markdown: string, name: string): void {
  const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Copies `markdown` to the clipboard; rejects when the page may not (no permission, no secure context). */
export async function copy(markdown: string): Promise<void> {
  if (!navigator.clipboard) throw new Error('The clipboard is not available on this page.');
  await navigator.clipboard.writeText(markdown);
}
