/**
 * DOM helpers of the page script: declarative shadow roots where the browser does not attach
 * them, the element hosts of the page, and parsing a fetched page.
 */

/** Attaches every `<template shadowrootmode>` under `root` as its parent's shadow root (what the parser does in browsers that support it). */
export function attachShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    template.remove();
    attachShadowRoots(shadow);
  }
}

/** `root` and the open shadow roots of the element hosts under it. */
export function roots(root: ParentNode): ParentNode[] {
  const found: ParentNode[] = [root];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(element.shadowRoot);
  return found;
}

/** Every element matching `selector` under `root`, inside shadow roots too. */
export function queryDeep<T extends Element>(root: ParentNode, selector: string): T[] {
  return roots(root).flatMap((r) => [...r.querySelectorAll<T>(selector)]);
}

/** Sets `container`'s content from HTML text, declarative shadow roots attached. */
export function setContent(container: Element, html: string): void {
  const target = container as Element & { setHTMLUnsafe?: (this: Element, html: string) => void };
  if (typeof target.setHTMLUnsafe === 'function') target.setHTMLUnsafe(html);
  else {
    container.innerHTML = html;
    attachShadowRoots(container);
  }
}
