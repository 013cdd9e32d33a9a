import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { Announcer, type AnnounceDetail } from './announcer.js';

class SpeakingElement extends LitElement {
  readonly announcer = new Announcer(this, { delayMs: 10 });
  override render() {
    return litHtml`<p>content</p>${this.announcer.render()}`;
  }
}
customElements.define('test-speaking', SpeakingElement);

/** A host that renders no regions: its messages go to the page's. */
class SilentElement extends LitElement {
  readonly announcer = new Announcer(this, { delayMs: 10 });
}
customElements.define('test-silent', SilentElement);

class PageElement extends LitElement {
  readonly announcer = new Announcer(this, { scope: 'page', delayMs: 10 });
  override render() {
    return litHtml`${this.announcer.render()}`;
  }
}
customElements.define('test-page-speaker', PageElement);

function region(root: ParentNode, politeness: 'polite' | 'assertive'): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-hansei-announcer="${politeness}"]`);
  if (!found) throw new Error(`no ${politeness} region`);
  return found;
}

describe('Announcer', () => {
  it('renders a polite and an assertive region, hidden but spoken', async () => {
    const el = await fixture<SpeakingElement>(html`<test-speaking></test-speaking>`);
    const polite = region(el.shadowRoot!, 'polite');
    const assertive = region(el.shadowRoot!, 'assertive');
    expect(polite.getAttribute('aria-live')).to.equal('polite');
    expect(assertive.getAttribute('aria-live')).to.equal('assertive');
    expect(polite.getAttribute('aria-atomic')).to.equal('true');
    const box = polite.parentElement!.getBoundingClientRect();
    expect(box.width).to.be.at.most(1);
    expect(box.height).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('empties the region, then writes the message, so a repeat is spoken again', async () => {
    const el = await fixture<SpeakingElement>(html`<test-speaking></test-speaking>`);
    const polite = region(el.shadowRoot!, 'polite');
    el.announcer.announce('Saved.');
    expect(polite.textContent).to.equal('');
    await waitUntil(() => polite.textContent === 'Saved.');
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(polite.textContent ?? ''));
    observer.observe(polite, { childList: true, characterData: true, subtree: true });
    el.announcer.announce('Saved.');
    await waitUntil(() => seen.length >= 2);
    observer.disconnect();
    expect(seen).to.deep.equal(['', 'Saved.']);
  });

  it('speaks errors assertively, and keeps only the newest waiting message', async () => {
    const el = await fixture<SpeakingElement>(html`<test-speaking></test-speaking>`);
    el.announcer.announce('First.');
    el.announcer.announce('Second.');
    el.announcer.announce('Could not save.', 'assertive');
    await waitUntil(() => region(el.shadowRoot!, 'assertive').textContent === 'Could not save.');
    await waitUntil(() => region(el.shadowRoot!, 'polite').textContent === 'Second.');
    expect(el.announcer.lastAnnouncement).to.deep.equal({ message: 'Could not save.', politeness: 'assertive' });
    el.announcer.announce('   ');
    expect(el.announcer.lastAnnouncement?.message).to.equal('Could not save.');
    el.announcer.clear();
    expect(region(el.shadowRoot!, 'polite').textContent).to.equal('');
    expect(region(el.shadowRoot!, 'assertive').textContent).to.equal('');
  });

  it('tells the page first, which may speak the message its own way', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><test-speaking></test-speaking></div>`);
    const el = wrapper.querySelector<SpeakingElement>('test-speaking')!;
    const heard: AnnounceDetail[] = [];
    wrapper.addEventListener('hansei-announce', (e) => {
      heard.push(e.detail);
      e.preventDefault();
    });
    el.announcer.announce('Moved.');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).to.deep.equal([{ message: 'Moved.', politeness: 'polite' }]);
    expect(region(el.shadowRoot!, 'polite').textContent).to.equal('');
  });

  it('uses one pair of page regions for page-scoped announcers and hosts without regions', async () => {
    const page = await fixture<PageElement>(html`<test-page-speaker></test-page-speaker>`);
    const silent = await fixture<SilentElement>(html`<test-silent></test-silent>`);
    expect(page.shadowRoot!.querySelector('[data-hansei-announcer]')).to.equal(null);
    page.announcer.announce('From the page.');
    await waitUntil(() => document.querySelector('[data-hansei-announcer="page"] [data-hansei-announcer="polite"]')?.textContent === 'From the page.');
    silent.announcer.announce('Also here.', 'assertive');
    await waitUntil(() => document.querySelector('[data-hansei-announcer="page"] [data-hansei-announcer="assertive"]')?.textContent === 'Also here.');
    expect(document.querySelectorAll('[data-hansei-announcer="page"]')).to.have.length(1);
  });
});
