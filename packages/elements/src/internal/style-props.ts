/**
 * `style=${styleProps({ 'inline-size': '40%', '--_x': '12' })}`: computed inline styles that a
 * strict Content-Security-Policy allows.
 *
 * A `style="..."` attribute, whether in the markup or set with `setAttribute`, is an inline style:
 * a page whose policy has no 'unsafe-inline' in `style-src` blocks it. Setting properties through
 * the CSSOM (`element.style.setProperty`) is allowed. Lit's `styleMap` sets the attribute on its
 * first render and uses the CSSOM only for later updates, so under such a policy the first values
 * are lost; this directive always uses the CSSOM. Rendered on a server (pure templates), it
 * writes the attribute, as there is no CSSOM there.
 *
 * Property names are CSS names (`inline-size`, `--_x`), not camelCase.
 */
import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string>>;

class StylePropsDirective extends Directive {
  #previous: ReadonlySet<string> = new Set();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style' || (part.strings?.length ?? 0) > 2 || part.strings?.some((s) => s.trim() !== '')) {
      throw new Error('styleProps must be the whole value of a style attribute: style=${styleProps({...})}');
    }
  }

  render(props: StyleProps): string {
    return Object.entries(props)
      .map(([name, value]) => `${name}: ${value}`)
      .join('; ');
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element;
    for (const name of this.#previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
