/**
 * Focuses the first element of `root` that one of `selectors` matches, in the order given (e.g.
 * a moved card's button, else its menu button); false when none matches. For focus that must
 * follow an element re-rendered somewhere else.
 */
export function focusFirst(root: ParentNode | null | undefined, selectors: readonly string[]): boolean {
  for (const selector of selectors) {
    const target = root?.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      return true;
    }
  }
  return false;
}
