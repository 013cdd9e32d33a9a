import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { defineAdapter, type HanseiAdapter } from '@hansei/adapters';
import { DEFAULT_SEVERITY_GUIDELINE, type SeverityGuideline } from '@hansei/core';
import { HanseiDataElement } from '../internal/data-element.js';
import { setLocale } from '../internal/localization.js';
import '../define/provider.js';
import type { HanseiProvider } from './provider.js';

/** A consumer as every data element is one: it shows which adapter and settings it got. */
class TestConsumer extends HanseiDataElement {
  protected override render() {
    const source = this.source;
    if (!source) return this.renderMissingAdapter();
    return litHtml`<span>${(source as HanseiAdapter & { label: string }).label}</span>`;
  }
}
customElements.define('test-consumer', TestConsumer);

const guideline: SeverityGuideline = { ...DEFAULT_SEVERITY_GUIDELINE, whenUnsure: { en: 'Ask the IC.' } };

function adapter(label: string, parts: Partial<HanseiAdapter> = {}): HanseiAdapter {
  return Object.assign(defineAdapter(label, { capabilities: { read: ['status'], write: [], live: false }, ...parts }), { label });
}

describe('hansei-provider', () => {
  after(() => setLocale('en'));

  it('gives its adapter to the elements inside it, and a new one when it changes', async () => {
    const provider = await fixture<HanseiProvider>(html`<hansei-provider .adapter=${adapter('first')}><test-consumer></test-consumer></hansei-provider>`);
    const consumer = provider.querySelector('test-consumer') as TestConsumer;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.equal('first');
    provider.adapter = adapter('second');
    await provider.updateComplete;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.equal('second');
  });

  it("lets an element's own adapter win over the provider's", async () => {
    const provider = await fixture<HanseiProvider>(
      html`<hansei-provider .adapter=${adapter('provided')}><test-consumer .adapter=${adapter('own')}></test-consumer></hansei-provider>`,
    );
    const consumer = provider.querySelector('test-consumer') as TestConsumer;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.equal('own');
  });

  it('finds a provider that upgraded after the element asked', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><hansei-provider-late><late-consumer></late-consumer></hansei-provider-late></div>`);
    customElements.define('late-consumer', class extends TestConsumer {});
    const consumer = host.querySelector('late-consumer') as TestConsumer;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.contain('No data source');
    // The provider upgrades after its consumer asked: the page's ContextRoot replays the request.
    customElements.define('hansei-provider-late', class extends (customElements.get('hansei-provider') as typeof HanseiProvider) {});
    const provider = host.querySelector('hansei-provider-late') as HanseiProvider;
    provider.adapter = adapter('late');
    await provider.updateComplete;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.equal('late');
  });

  it('reaches elements inside other shadow roots', async () => {
    const provider = await fixture<HanseiProvider>(html`<hansei-provider .adapter=${adapter('deep')}><div></div></hansei-provider>`);
    const shadow = provider.querySelector('div')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<test-consumer></test-consumer>';
    const consumer = shadow.querySelector('test-consumer') as TestConsumer;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.equal('deep');
  });

  it('says so, in words and accessibly, when there is no adapter at all', async () => {
    const consumer = await fixture<TestConsumer>(html`<test-consumer></test-consumer>`);
    const note = consumer.shadowRoot!.querySelector('[part="missing-adapter"]')!;
    expect(note.textContent).to.contain('<hansei-provider>');
    await expect(consumer).to.be.accessible();
  });

  it("reads the organisation's guideline from the adapter, core's default until then", async () => {
    let answer!: (value: SeverityGuideline) => void;
    const pending = new Promise<SeverityGuideline>((resolve) => (answer = resolve));
    const provider = await fixture<HanseiProvider>(html`<hansei-provider></hansei-provider>`);
    provider.adapter = defineAdapter('settings', { capabilities: { read: ['settings'], write: [], live: false }, getSeverityGuideline: () => pending });
    await provider.updateComplete;
    expect(provider.settings.guideline).to.equal(DEFAULT_SEVERITY_GUIDELINE);
    answer(guideline);
    await pending;
    await provider.updateComplete;
    expect(provider.settings.guideline).to.equal(guideline);
  });

  it('keeps the default guideline and tells the page when the adapter fails', async () => {
    const provider = await fixture<HanseiProvider>(html`<hansei-provider></hansei-provider>`);
    const failed = oneEvent(provider, 'hansei-provider-error');
    provider.adapter = defineAdapter('settings', { capabilities: { read: ['settings'], write: [], live: false } });
    const event = await failed;
    expect((event.detail.error as Error).message).to.contain('cannot getSeverityGuideline');
    expect(provider.settings.guideline).to.equal(DEFAULT_SEVERITY_GUIDELINE);
  });

  it('gives time zone, locale and person to its elements', async () => {
    const person = { id: 'p1', name: 'Aiko' } as never;
    const provider = await fixture<HanseiProvider>(html`<hansei-provider lang="ja-JP" time-zone="Asia/Tokyo" .person=${person}><test-consumer></test-consumer></hansei-provider>`);
    const consumer = provider.querySelector('test-consumer') as TestConsumer;
    await consumer.updateComplete;
    expect(consumer.settings.timeZone).to.equal('Asia/Tokyo');
    expect(consumer.settings.locale).to.equal('ja');
    expect(consumer.settings.person).to.equal(person);
  });

  it('uses the viewer time zone and default guideline without a provider', async () => {
    const consumer = await fixture<TestConsumer>(html`<test-consumer></test-consumer>`);
    expect(consumer.settings.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(consumer.settings.guideline).to.equal(DEFAULT_SEVERITY_GUIDELINE);
  });
});
