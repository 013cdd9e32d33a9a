import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProps } from './style-props.js';

describe('styleProps', () => {
  it('sets every property through the CSSOM, also on the first render (what a strict CSP allows)', () => {
    const host = document.createElement('div');
    const setAttribute = Element.prototype.setAttribute;
    const attributes: string[] = [];
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      attributes.push(name);
      setAttribute.call(this, name, value);
    };
    try {
      render(html`<span style=${styleProps({ 'inline-size': '40%', '--_x': '12' })}></span>`, host);
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    const span = host.querySelector('span')!;
    expect(attributes).to.not.include('style');
    expect(span.style.getPropertyValue('inline-size')).to.equal('40%');
    expect(span.style.getPropertyValue('--_x')).to.equal('12');
  });

  it('removes the properties a later render leaves out, and changes the others', () => {
    const host = document.createElement('div');
    const view = (props: Record<string, string>) => html`<span style=${styleProps(props)}></span>`;
    render(view({ top: '6%', '--_x': '1' }), host);
    render(view({ top: '94%' }), host);
    const span = host.querySelector('span')!;
    expect(span.style.getPropertyValue('top')).to.equal('94%');
    expect(span.style.getPropertyValue('--_x')).to.equal('');
  });

  it('refuses to be part of a style attribute or another attribute', () => {
    const host = document.createElement('div');
    expect(() => render(html`<span title=${styleProps({ top: '1px' })}></span>`, host)).to.throw(/whole value of a style attribute/);
    expect(() => render(html`<span style="color: red; ${styleProps({ top: '1px' })}"></span>`, host)).to.throw(/whole value of a style attribute/);
  });
});
