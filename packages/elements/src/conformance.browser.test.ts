/**
 * What every element of the kit owes, checked for each in one place (a shared suite, as Lion
 * does): importing the class registers nothing and the define module registers it once; with no
 * adapter it says so in its UI; inside a provider on the demo data it renders with no axe
 * violation in English and Japanese, light and dark, and at 320 px wide.
 *
 * Every element class the package exports must have its row in ELEMENTS, so a new element is
 * checked from the day it lands.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '@hansei/adapters/memory';
import * as kit from './index.js';

/** Which elements were registered before any define module ran (importing ./index.js must register none). */
const registeredByClassModules = Object.values(kit).filter(
  (value) => typeof value === 'function' && customElements.getName(value as CustomElementConstructor) !== null,
);

interface Row {
  /** `define/<name>.ts` registers `hansei-<name>`. */
  readonly name: string;
  readonly define: () => Promise<unknown>;
  /** Attributes that point it at demo data. */
  readonly attributes?: Readonly<Record<string, string>>;
  /**
   * What it shows with no adapter: data elements say they have no data source; the badge, a
   * one-line element that can also be given its state, says the status is unavailable.
   */
  readonly missing?: RegExp;
}

const NO_SOURCE = /No data source: place this element inside <hansei-provider> or set its adapter property\./;

const ELEMENTS: readonly Row[] = [
  { name: 'provider', define: () => import('./define/provider.js'), },
  { name: 'status-badge', define: () => import('./define/status-badge.js'), missing: /^Status Unavailable$/ },
  { name: 'status-summary', define: () => import('./define/status-summary.js') },
  { name: 'component-list', define: () => import('./define/component-list.js') },
  { name: 'uptime-bars', define: () => import('./define/uptime-bars.js') },
  { name: 'incident-feed', define: () => import('./define/incident-feed.js') },
  { name: 'maintenance-list', define: () => import('./define/maintenance-list.js') },
  { name: 'slo-gauge', define: () => import('./define/slo-gauge.js'), attributes: { 'slo-id': 'slo_checkin' } },
  { name: 'incident-form', define: () => import('./define/incident-form.js') },
  { name: 'role-board', define: () => import('./define/role-board.js'), attributes: { 'incident-id': 'inc_0027' } },
  { name: 'incident-timeline', define: () => import('./define/incident-timeline.js'), attributes: { 'incident-id': 'inc_0027' } },
  { name: 'postmortem', define: () => import('./define/postmortem.js'), attributes: { 'postmortem-id': 'pm_0008' } },
  { name: 'prevention-board', define: () => import('./define/prevention-board.js') },
];

/** Base classes the package exports for others to build on; they are never registered. */
const BASES: readonly unknown[] = [kit.HanseiElement, kit.HanseiDataElement, kit.HanseiStatusElement];

/** Text of a node and of every shadow root below it, squashed. */
function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) text += `${n.textContent ?? ''} `;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    if (n instanceof HTMLSlotElement) return;
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return text.replace(/\s+/g, ' ').trim();
}

/** Resolves once the element's text has stopped changing (its data has arrived and rendered). */
async function settled(el: Element): Promise<string> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 100 && same < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    const now = deepText(el);
    same = now === last && now !== '' ? same + 1 : 0;
    last = now;
  }
  return last;
}

function tagged(row: Row): HTMLElement {
  const el = document.createElement(`hansei-${row.name}`);
  for (const [name, value] of Object.entries(row.attributes ?? {})) el.setAttribute(name, value);
  return el;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('every element', () => {
  it('has a row here for each element class the package exports', () => {
    const tags = new Set(ELEMENTS.map((row) => row.name));
    const classes = Object.entries(kit).filter(([, value]) => typeof value === 'function' && value.prototype instanceof HTMLElement && !BASES.includes(value));
    const names = classes.map(([exported]) => exported.replace(/^Hansei/, '').replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c.toLowerCase()}`));
    expect(names.filter((name) => !tags.has(name))).to.deep.equal([]);
    expect(names.length).to.equal(ELEMENTS.length);
  });

  it('registers nothing when its class module is imported', () => {
    expect(registeredByClassModules).to.deep.equal([]);
  });

  for (const row of ELEMENTS) {
    describe(`hansei-${row.name}`, () => {
      before(async () => {
        await import('./define/provider.js');
        await row.define();
      });
      after(() => setViewport({ width: 800, height: 600 }));

      it('is registered by its define module, once, with the class the package exports', async () => {
        const registered = customElements.get(`hansei-${row.name}`);
        expect(registered).to.not.equal(undefined);
        expect(Object.values(kit)).to.include(registered);
        const again = (await row.define()) as Record<string, unknown>;
        expect(Object.values(again)).to.include(registered);
        expect(customElements.get(`hansei-${row.name}`)).to.equal(registered);
      });

      if (row.name !== 'provider') {
        it('says so in its UI when it has no adapter', async () => {
          await kit.setLocale('en');
          const el = await fixture<HTMLElement>(html`<div>${tagged(row)}</div>`);
          expect(await settled(el)).to.match(row.missing ?? NO_SOURCE);
        });
      }

      const cases = [
        { lang: 'en', scheme: 'light', width: 1024 },
        { lang: 'ja', scheme: 'dark', width: 1024 },
        { lang: 'en', scheme: 'dark', width: 320 },
        { lang: 'ja', scheme: 'light', width: 320 },
      ] as const;
      for (const { lang, scheme, width } of cases) {
        it(`renders the demo with no axe violation (${lang}, ${scheme}, ${width} px)`, async () => {
          await setViewport({ width, height: 800 });
          const [background, color] = scheme === 'dark' ? ['#0d1117', '#e6edf3'] : ['#ffffff', '#1f2328'];
          const child = row.name === 'provider' ? html`<p>${lang === 'ja' ? '内容' : 'Content'}</p>` : tagged(row);
          const wrapper = await fixture<HTMLElement>(
            html`<div style="--hansei-color-scheme: ${scheme}; color-scheme: ${scheme}; background: ${background}; color: ${color}; padding: 8px">
              <hansei-provider lang=${lang} time-zone="Asia/Tokyo" .adapter=${new MemoryAdapter({ role: 'responder' })}>${child}</hansei-provider>
            </div>`,
          );
          const text = await settled(wrapper);
          expect(text).to.not.match(/No data source/);
          if (lang === 'ja') expect(text).to.match(JAPANESE);
          const el = wrapper.querySelector<HTMLElement>(`hansei-${row.name}`)!;
          expect(el.scrollWidth, 'nothing wider than the element').to.be.at.most(el.clientWidth + 1);
          await expect(wrapper).to.be.accessible();
        });
      }
    });
  }
});
