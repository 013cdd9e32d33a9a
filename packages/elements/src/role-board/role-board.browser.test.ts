import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { AREAS, HanseiError, defineAdapter, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter, type MemoryCall } from '@hansei/adapters/memory';
import type { AnnounceDetail } from '../internal/announcer.js';
import { setLocale } from '../internal/localization.js';
import { type HanseiRoleBoard, type RoleChangeDetail } from './role-board.js';

// Captured before the define module is imported: the class module alone must not register the tag.

const NOW = Date.parse('2026-11-25T09:30:00.000Z');
/** The demo's open SEV2 incident: IC 山本 亮, Communications Haruka Suzuki, Operations Sho Kobayashi, Scribe 加藤 美咲, SME Aiko Watanabe. */
const CHECKIN = 'inc_0027';

function adapter(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, ...options });
}

/** The same, typed as what the board's `adapter` property takes (for template bindings). */
function anAdapter(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): HanseiAdapter {
  return adapter(options);
}

function root(el: HanseiRoleBoard): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

function card(el: HanseiRoleBoard, role: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(`li[data-role="${role}"]`);
  if (!found) throw new Error(`no role ${role}`);
  return found;
}

/** The chip of a person in the people list (no assignment) or holding a role. */
function chip(el: HanseiRoleBoard, personId: string, assignmentId = ''): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(`[data-person="${personId}"][data-assignment="${assignmentId}"]`);
  if (!found) throw new Error(`no chip for ${personId} ${assignmentId}`);
  return found;
}

function holderChip(el: HanseiRoleBoard, role: string, personId: string): HTMLElement {
  const found = card(el, role).querySelector<HTMLElement>(`.holders [data-person="${personId}"]`);
  if (!found) throw new Error(`${personId} does not hold ${role}`);
  return found;
}

function holders(el: HanseiRoleBoard, role: string): string[] {
  return [...card(el, role).querySelectorAll('.holders .grab, .holders .name')].map((n) => n.textContent?.trim() ?? '');
}

function text(node: Element | ShadowRoot): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the board has loaded and no change is under way. */
async function settled(el: HanseiRoleBoard): Promise<void> {
  await waitUntil(() => root(el).querySelector('section.board[aria-busy="false"]') !== null, 'the board did not settle');
  await el.updateComplete;
}

async function board(source: HanseiAdapter, incidentId = CHECKIN): Promise<HanseiRoleBoard> {
  const el = await fixture<HanseiRoleBoard>(html`<hansei-role-board incident-id=${incidentId} .adapter=${source}></hansei-role-board>`);
  await settled(el);
  return el;
}

/** Everything the board says through its live regions, in order. */
function listen(el: HanseiRoleBoard): AnnounceDetail[] {
  const heard: AnnounceDetail[] = [];
  el.addEventListener('hansei-announce', (e) => heard.push(e.detail));
  return heard;
}

async function openMenu(el: HanseiRoleBoard, button: HTMLElement): Promise<HTMLElement[]> {
  button.click();
  await el.updateComplete;
  const id = button.getAttribute('aria-controls');
  const menu = id ? root(el).getElementById(id) : null;
  if (!menu) throw new Error('the menu did not open');
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
}

function dragEvent(type: string, at: Element): DragEvent {
  const box = at.getBoundingClientRect();
  return new DragEvent(type, {
    bubbles: true,
    composed: true,
    cancelable: true,
    dataTransfer: new DataTransfer(),
    clientX: box.left + Math.min(12, box.width / 2),
    clientY: box.top + Math.min(12, box.height / 2),
  });
}

/** A native HTML5 drag, as the browser fires it, from `source` onto `target`. */
async function drag(source: HTMLElement, target: HTMLElement): Promise<void> {
  source.scrollIntoView({ block: 'center' });
  source.dispatchEvent(dragEvent('dragstart', source));
  await nextFrame();
  target.scrollIntoView({ block: 'center' });
  target.dispatchEvent(dragEvent('dragenter', target));
  target.dispatchEvent(dragEvent('dragover', target));
  await nextFrame();
  target.dispatchEvent(dragEvent('drop', target));
  source.dispatchEvent(dragEvent('dragend', source));
  await nextFrame();
}

describe('hansei-role-board', () => {
  describe('in use', () => {
    before(async () => {
      await import('../define/role-board.js');
    });

    it('shows the roles with their responsibilities, the holders and the people', async () => {
      const el = await board(adapter());
      const roles = [...root(el).querySelectorAll<HTMLElement>('li[data-role]')].map((li) => li.dataset['role']);
      expect(roles).to.deep.equal(['incident_commander', 'deputy', 'communications', 'operations_lead', 'scribe', 'subject_matter_expert']);
      expect(text(card(el, 'incident_commander').querySelector('h3')!)).to.equal('Incident Commander');
      expect(text(card(el, 'incident_commander').querySelector('.duties')!)).to.contain('Hands off command explicitly');
      expect(text(card(el, 'incident_commander'))).to.contain('Command');
      expect(holders(el, 'incident_commander')).to.deep.equal(['山本 亮']);
      expect(holders(el, 'communications')).to.deep.equal(['Haruka Suzuki']);
      expect(holders(el, 'scribe')).to.deep.equal(['加藤 美咲']);
      expect(holders(el, 'deputy')).to.deep.equal([]);
      expect(text(card(el, 'deputy'))).to.contain('Nobody holds this role.');
      expect(root(el).querySelectorAll('.people-list > li')).to.have.length(14);
      expect(text(chip(el, 'per_tanaka').parentElement!)).to.contain('No role');
      expect(text(chip(el, 'per_suzuki').parentElement!)).to.contain('Communications');
      expect(text(root(el).querySelector('.meta')!)).to.equal('SEV2 Identified');
      // A SEV2 needs an Incident Commander, and has one.
      expect(root(el).querySelector('[part~="missing"]')).to.equal(null);
      expect(text(card(el, 'incident_commander'))).to.contain('Required for SEV2');
    });

    it('takes its adapter and time zone from a provider, and shows times in that zone', async () => {
      await import('../define/provider.js');
      const source = anAdapter();
      const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone="Asia/Tokyo" .adapter=${source}>
        <hansei-role-board incident-id=${CHECKIN}></hansei-role-board>
      </hansei-provider>`);
      const el = wrapper.querySelector('hansei-role-board')!;
      await settled(el);
      const commander = (await source.listIncidentRoles(CHECKIN)).current.find((a) => a.role === 'incident_commander')!;
      const time = holderChip(el, 'incident_commander', 'per_yamamoto').querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(commander.assignedAt);
      const tokyo = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit' }).format(new Date(commander.assignedAt));
      expect(text(time)).to.contain(tokyo);
    });

    it('uses the roles it is given instead of the adapter’s', async () => {
      const el = await fixture<HanseiRoleBoard>(html`<hansei-role-board
        incident-id=${CHECKIN}
        .adapter=${anAdapter()}
        .roles=${[
          { key: 'incident_commander', name: { en: 'Lead', ja: 'リード' }, responsibilities: [{ en: 'Leads.' }], multiple: false, command: true },
          { key: 'scribe', name: { en: 'Note taker' }, responsibilities: [], multiple: false, command: false },
        ]}
      ></hansei-role-board>`);
      await settled(el);
      const roles = [...root(el).querySelectorAll<HTMLElement>('li[data-role]')].map((li) => li.dataset['role']);
      // Roles held on the incident but not offered still show, so no holder is hidden.
      expect(roles.slice(0, 2)).to.deep.equal(['incident_commander', 'scribe']);
      expect(roles).to.include('communications');
      expect(text(card(el, 'incident_commander').querySelector('h3')!)).to.equal('Lead');
    });

    it('says what is missing: no adapter, no incident id', async () => {
      const none = await fixture<HanseiRoleBoard>(html`<hansei-role-board incident-id=${CHECKIN}></hansei-role-board>`);
      expect(text(root(none))).to.contain('No data source');
      const noId = await fixture<HanseiRoleBoard>(html`<hansei-role-board .adapter=${anAdapter()}></hansei-role-board>`);
      expect(text(root(noId))).to.contain('set the incident-id attribute');
    });

    it('shows that it is loading, then the board', async () => {
      const el = await fixture<HanseiRoleBoard>(html`<hansei-role-board incident-id=${CHECKIN} .adapter=${anAdapter({ latencyMs: 80 })}></hansei-role-board>`);
      expect(root(el).querySelector('[aria-busy="true"]')).to.exist;
      expect(text(root(el))).to.contain('Loading roles');
      await settled(el);
      expect(holders(el, 'incident_commander')).to.deep.equal(['山本 亮']);
    });

    it('says why it cannot load, and tries again', async () => {
      let fail = true;
      const source: HanseiAdapter = adapter({
        failWith: ({ method }) => (fail && method === 'listIncidentRoles' ? new HanseiError({ kind: 'unavailable', message: 'The server is down for a moment.' }) : null),
      });
      const el = await fixture<HanseiRoleBoard>(html`<hansei-role-board incident-id=${CHECKIN} .adapter=${source}></hansei-role-board>`);
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(root(el).querySelector('[role="alert"]')!)).to.contain('The server is down for a moment.');
      await expect(el).to.be.accessible();
      fail = false;
      root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await settled(el);
      expect(holders(el, 'scribe')).to.deep.equal(['加藤 美咲']);
    });

    it('assigns from the keyboard: pick up, arrow to a role, Enter', async () => {
      const source = adapter();
      const el = await board(source);
      const heard = listen(el);
      const grab = chip(el, 'per_tanaka').querySelector<HTMLButtonElement>('.grab')!;
      grab.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(grab.getAttribute('aria-pressed')).to.equal('true');
      expect(heard.at(-1)?.message).to.contain('Picked up Yui Tanaka');
      // The first role a person can go to is command (a hand-off); the next one is Deputy.
      expect(root(el).activeElement).to.equal(card(el, 'incident_commander'));
      expect(card(el, 'incident_commander').getAttribute('part')).to.contain('role-over');
      const hint = root(el).getElementById(card(el, 'incident_commander').getAttribute('aria-describedby')!);
      expect(text(hint!)).to.equal('Press Enter to hand this role off from 山本 亮 to Yui Tanaka.');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(card(el, 'deputy'));
      const saved = oneEvent(el, 'hansei-role-change');
      await sendKeys({ press: 'Enter' });
      // Shown at once, before the adapter has answered...
      await el.updateComplete;
      expect(holders(el, 'deputy')).to.deep.equal(['Yui Tanaka']);
      const { detail } = (await saved) as CustomEvent<RoleChangeDetail>;
      expect(detail.kind).to.equal('assigned');
      expect(detail.assignment.role).to.equal('deputy');
      await settled(el);
      // ...and saved.
      const roles = await source.listIncidentRoles(CHECKIN);
      expect(roles.current.some((a) => a.role === 'deputy' && a.personId === 'per_tanaka')).to.equal(true);
      expect(heard.at(-1)).to.deep.equal({ message: 'Yui Tanaka is now Deputy.', politeness: 'polite' });
      await waitUntil(() => text(root(el).querySelector('[data-hansei-announcer="polite"]')!) === 'Yui Tanaka is now Deputy.');
      expect(text(chip(el, 'per_tanaka').parentElement!)).to.contain('Deputy');
    });

    it('cancels a keyboard move with Escape, back on the person', async () => {
      const source = adapter();
      const el = await board(source);
      const heard = listen(el);
      const grab = chip(el, 'per_tanaka').querySelector<HTMLButtonElement>('.grab')!;
      grab.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(card(el, 'incident_commander'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(grab);
      expect(grab.getAttribute('aria-pressed')).to.equal('false');
      expect(heard.at(-1)?.message).to.equal('Cancelled. Yui Tanaka was not moved.');
      expect(holders(el, 'incident_commander')).to.deep.equal(['山本 亮']);
    });

    it('assigns through a person’s menu, from the keyboard', async () => {
      const source = adapter();
      const el = await board(source);
      const button = chip(el, 'per_nakamura').querySelector<HTMLButtonElement>('.menu-button')!;
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const items = await openMenu(el, button);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(items.map((i) => text(i))).to.deep.equal([
        'Incident Commander (take over from 山本 亮)',
        'Deputy',
        'Communications (take over from Haruka Suzuki)',
        'Operations lead (take over from Sho Kobayashi)',
        'Scribe (take over from 加藤 美咲)',
        'Subject-matter expert',
      ]);
      expect(root(el).activeElement).to.equal(items[0]);
      await sendKeys({ press: 'End' });
      expect(root(el).activeElement).to.equal(items[5]);
      await sendKeys({ press: 'ArrowDown' });
      expect(root(el).activeElement).to.equal(items[0]);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(holders(el, 'deputy')).to.deep.equal(['Mei Nakamura']);
      expect(root(el).activeElement).to.equal(chip(el, 'per_nakamura').querySelector('.menu-button'));
      // Escape closes a menu without choosing, back on its button.
      await openMenu(el, button);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).activeElement).to.equal(button);
    });

    it('adds a second subject-matter expert through the role’s menu', async () => {
      const source = adapter();
      const el = await board(source);
      const heard = listen(el);
      const items = await openMenu(el, card(el, 'subject_matter_expert').querySelector<HTMLButtonElement>(':scope > .menu-wrap .menu-button')!);
      items.find((i) => text(i) === 'Priya Raman')!.click();
      await settled(el);
      expect(holders(el, 'subject_matter_expert')).to.deep.equal(['Aiko Watanabe', 'Priya Raman']);
      expect(heard.at(-1)?.message).to.equal('Priya Raman joined Subject-matter expert.');
    });

    it('hands off command by a drag: both people and times stay in the history', async () => {
      const source = adapter();
      const el = await board(source);
      const heard = listen(el);
      const changed = oneEvent(el, 'hansei-role-change');
      await drag(chip(el, 'per_tanaka'), card(el, 'incident_commander'));
      expect(holders(el, 'incident_commander')).to.deep.equal(['Yui Tanaka']);
      const { detail } = (await changed) as CustomEvent<RoleChangeDetail>;
      expect(detail.kind).to.equal('handed-off');
      expect(detail.released?.personId).to.equal('per_yamamoto');
      await settled(el);
      const roles = await source.listIncidentRoles(CHECKIN);
      const commanders = roles.history.filter((a) => a.role === 'incident_commander');
      expect(commanders.map((a) => a.personId)).to.deep.equal(['per_yamamoto', 'per_tanaka']);
      expect(commanders[0]?.releasedAt).to.equal(commanders[1]?.assignedAt);
      expect(commanders[0]?.handedOffTo).to.equal(commanders[1]?.id);
      const history = card(el, 'incident_commander').querySelector<HTMLDetailsElement>('[part="history"]')!;
      expect(history.open).to.equal(true);
      const entries = [...history.querySelectorAll('li')].map((li) => text(li));
      expect(entries).to.have.length(2);
      expect(entries[0]).to.match(/^山本 亮 .+ – .+ handed off to Yui Tanaka/);
      expect(entries[1]).to.match(/^Yui Tanaka since .+ took over from 山本 亮/);
      expect(history.querySelectorAll('time')).to.have.length(3);
      expect(heard.at(-1)?.message).to.equal('Incident Commander handed off from 山本 亮 to Yui Tanaka.');
    });

    it('moves a holder from one role to another by a drag', async () => {
      const source = adapter();
      const el = await board(source);
      const heard = listen(el);
      await drag(holderChip(el, 'scribe', 'per_kato'), card(el, 'deputy'));
      await settled(el);
      expect(holders(el, 'deputy')).to.deep.equal(['加藤 美咲']);
      expect(holders(el, 'scribe')).to.deep.equal([]);
      expect(heard.at(-1)?.message).to.equal('加藤 美咲 is now Deputy. 加藤 美咲 left Scribe.');
      const roles = await source.listIncidentRoles(CHECKIN);
      expect(roles.current.filter((a) => a.personId === 'per_kato').map((a) => a.role)).to.deep.equal(['deputy']);
    });

    it('says so when a drag ends outside any role', async () => {
      const el = await board(adapter());
      const heard = listen(el);
      await drag(chip(el, 'per_tanaka'), root(el).querySelector<HTMLElement>('h2')!);
      expect(heard.at(-1)?.message).to.equal('Yui Tanaka was not moved.');
      expect(holders(el, 'incident_commander')).to.deep.equal(['山本 亮']);
    });

    it('releases a holder through their menu, and flags the required role left empty', async () => {
      const source = adapter();
      const el = await board(source);
      const heard = listen(el);
      const holder = holderChip(el, 'incident_commander', 'per_yamamoto');
      const items = await openMenu(el, holder.querySelector<HTMLButtonElement>('.menu-button')!);
      expect(text(items[0]!)).to.equal('Release Incident Commander');
      expect(text(items[1]!)).to.equal('Move to Deputy');
      items[0]!.click();
      await settled(el);
      expect(holders(el, 'incident_commander')).to.deep.equal([]);
      expect(heard.at(-1)?.message).to.equal('山本 亮 released Incident Commander.');
      // Focus stays on the role, since the holder's menu button is gone.
      expect(root(el).activeElement).to.equal(card(el, 'incident_commander'));
      const roles = await source.listIncidentRoles(CHECKIN);
      expect(roles.missing).to.deep.equal(['incident_commander']);
      expect(roles.history.find((a) => a.personId === 'per_yamamoto')?.releasedAt).to.be.a('string');
      expect(text(root(el).querySelector('[part~="missing"]')!)).to.equal('SEV2 requires someone in: Incident Commander.');
      expect(card(el, 'incident_commander').getAttribute('part')).to.contain('role-missing');
      expect(text(card(el, 'incident_commander'))).to.contain('Nobody holds this role, and SEV2 requires it.');
    });

    it('flags every role a SEV1 requires, and follows a severity change made elsewhere', async () => {
      const source = adapter();
      const incident = await source.getIncident(CHECKIN);
      const roles = await source.listIncidentRoles(CHECKIN);
      for (const a of roles.current.filter((c) => c.role === 'incident_commander' || c.role === 'scribe')) {
        await source.releaseRole(CHECKIN, { assignmentId: a.id });
      }
      const el = await board(source);
      expect(text(root(el).querySelector('[part~="missing"]')!)).to.equal('SEV2 requires someone in: Incident Commander.');
      await source.updateIncident(CHECKIN, { severity: 'SEV1' }, incident.version);
      await waitUntil(() => text(root(el).querySelector('.meta')!).startsWith('SEV1'));
      expect(text(root(el).querySelector('[part~="missing"]')!)).to.equal('SEV1 requires someone in: Incident Commander and Scribe.');
      expect(root(el).querySelector('[part~="missing"]')!.classList.contains('severe')).to.equal(true);
      const flagged = [...root(el).querySelectorAll<HTMLElement>('li[part~="role-missing"]')].map((li) => li.dataset['role']);
      expect(flagged).to.deep.equal(['incident_commander', 'scribe']);
      expect(text(card(el, 'communications'))).to.contain('Required for SEV1');
      await expect(el).to.be.accessible();
    });

    it('flags the roles a freshly declared SEV1 requires, and clears each flag once filled', async () => {
      const source = adapter();
      const at = new Date(NOW - 5 * 60_000).toISOString();
      const incident = await source.declareIncident({ title: 'Payments failing', severity: 'SEV1', startedAt: at, detectedAt: at });
      const el = await board(source, incident.id);
      expect(text(root(el).querySelector('[part~="missing"]')!)).to.equal('SEV1 requires someone in: Incident Commander, Communications, and Scribe.');
      await drag(chip(el, 'per_tanaka'), card(el, 'incident_commander'));
      await settled(el);
      expect(text(root(el).querySelector('[part~="missing"]')!)).to.equal('SEV1 requires someone in: Communications and Scribe.');
      expect(card(el, 'incident_commander').getAttribute('part')).to.equal('role');
    });

    it('does not lose a change made while it was loading', async () => {
      const source: HanseiAdapter = adapter({ latencyMs: 20 });
      const el = await fixture<HanseiRoleBoard>(html`<hansei-role-board incident-id=${CHECKIN} .adapter=${source}></hansei-role-board>`);
      await source.assignRole(CHECKIN, { role: 'deputy', personId: 'per_raman' });
      await settled(el);
      await waitUntil(() => holders(el, 'deputy').length === 1, 'the assignment made while loading did not show');
      expect(holders(el, 'deputy')).to.deep.equal(['Priya Raman']);
    });

    it('undoes a change the adapter refuses, and says why', async () => {
      let refuse = false;
      const source = adapter({
        latencyMs: 30,
        failWith: ({ method }: MemoryCall) =>
          refuse && method === 'assignRole' ? new HanseiError({ kind: 'server', message: 'The database is read-only right now.', status: 503 }) : null,
      });
      const el = await board(source);
      const heard = listen(el);
      refuse = true;
      const failed = oneEvent(el, 'hansei-role-error');
      const items = await openMenu(el, chip(el, 'per_tanaka').querySelector<HTMLButtonElement>('.menu-button')!);
      items.find((i) => text(i) === 'Deputy')!.click();
      await el.updateComplete;
      // Optimistic: shown, marked as saving.
      expect(holders(el, 'deputy')).to.deep.equal(['Yui Tanaka']);
      expect(text(card(el, 'deputy'))).to.contain('Saving…');
      expect(card(el, 'deputy').getAttribute('aria-busy')).to.equal('true');
      await failed;
      await settled(el);
      expect(holders(el, 'deputy')).to.deep.equal([]);
      const message = root(el).querySelector('[part="message"]')!;
      expect(text(message)).to.contain('The change was not saved: The database is read-only right now.');
      expect(heard.at(-1)?.politeness).to.equal('assertive');
      expect(heard.at(-1)?.message).to.contain('The database is read-only right now.');
      await waitUntil(() => text(root(el).querySelector('[data-hansei-announcer="assertive"]')!).includes('read-only'));
      await expect(el).to.be.accessible();
      message.querySelector('button')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('[part="message"]')).to.equal(null);
    });

    it('reloads and says so when someone else changed the roles first', async () => {
      let refuse = false;
      let reads = 0;
      const source = adapter({
        failWith: ({ method }: MemoryCall) => {
          if (method === 'listIncidentRoles') reads += 1;
          return refuse && method === 'handOffRole' ? new HanseiError({ kind: 'conflict', message: 'Assignment "rol_x" already ended.', status: 409 }) : null;
        },
      });
      const el = await board(source);
      refuse = true;
      const before = reads;
      await drag(chip(el, 'per_tanaka'), card(el, 'scribe'));
      await waitUntil(() => root(el).querySelector('[part="message"]'));
      await settled(el);
      expect(reads).to.equal(before + 1);
      expect(text(root(el).querySelector('[part="message"]')!)).to.contain('Someone else changed the roles first: Assignment "rol_x" already ended.');
      expect(holders(el, 'scribe')).to.deep.equal(['加藤 美咲']);
    });

    it('shows a viewer the board without any way to change it', async () => {
      const el = await board(adapter().as('viewer'));
      expect(holders(el, 'incident_commander')).to.deep.equal(['山本 亮']);
      expect(root(el).querySelectorAll('button.grab, .menu-button, [draggable]')).to.have.length(0);
      expect(text(root(el))).to.contain('You can see the roles but not change them.');
      await expect(el).to.be.accessible();
    });

    it('is read-only with a read-only adapter or the readonly attribute', async () => {
      const memory: HanseiAdapter = adapter();
      const readOnly = defineAdapter('read-only', {
        capabilities: { read: [...AREAS], write: [], live: false },
        session: (o) => memory.session(o),
        getIncident: (id, o) => memory.getIncident(id, o),
        listIncidentRoles: (id, o) => memory.listIncidentRoles(id, o),
        listPeople: (q, o) => memory.listPeople(q, o),
        listRoles: (o) => memory.listRoles(o),
      });
      const el = await board(readOnly);
      expect(root(el).querySelectorAll('button.grab, .menu-button, [draggable]')).to.have.length(0);
      const attribute = await fixture<HanseiRoleBoard>(html`<hansei-role-board readonly incident-id=${CHECKIN} .adapter=${memory}></hansei-role-board>`);
      await settled(attribute);
      expect(root(attribute).querySelectorAll('button.grab, .menu-button, [draggable]')).to.have.length(0);
    });

    it('follows role changes made elsewhere, and announces them', async () => {
      const source = adapter();
      const el = await board(source);
      const heard = listen(el);
      await source.as('responder').assignRole(CHECKIN, { role: 'deputy', personId: 'per_raman' });
      await waitUntil(() => holders(el, 'deputy').length === 1);
      expect(holders(el, 'deputy')).to.deep.equal(['Priya Raman']);
      await waitUntil(() => heard.length > 0);
      expect(heard.at(-1)?.message).to.equal('Priya Raman is now Deputy.');
      // Moved elsewhere in the page, it keeps listening.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      await source.as('responder').assignRole(CHECKIN, { role: 'subject_matter_expert', personId: 'per_moreau' });
      await waitUntil(() => holders(el, 'subject_matter_expert').length === 2, 'the moved board missed a change');
    });

    it('takes drags inside another element’s shadow root, and leaves other drags alone', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      const el = document.createElement('hansei-role-board');
      el.setAttribute('incident-id', CHECKIN);
      el.adapter = adapter();
      const link = document.createElement('a');
      link.href = '#elsewhere';
      link.textContent = 'A link of the page';
      shadow.append(link, el);
      await settled(el);
      // A native drag of something else inside the same outer host is not cancelled.
      const other = dragEvent('dragstart', link);
      link.dispatchEvent(other);
      expect(other.defaultPrevented).to.equal(false);
      link.dispatchEvent(dragEvent('dragend', link));
      // A drag of the board that someone else cancels leaves nothing registered behind: a later
      // drag of the link is not taken for a person.
      const cancel = (e: Event) => e.preventDefault();
      el.addEventListener('dragstart', cancel);
      chip(el, 'per_tanaka').dispatchEvent(dragEvent('dragstart', chip(el, 'per_tanaka')));
      el.removeEventListener('dragstart', cancel);
      await new Promise((resolve) => setTimeout(resolve, 10));
      await drag(link, card(el, 'deputy'));
      await settled(el);
      expect(holders(el, 'deputy')).to.deep.equal([]);
      await drag(chip(el, 'per_tanaka'), card(el, 'deputy'));
      await settled(el);
      expect(holders(el, 'deputy')).to.deep.equal(['Yui Tanaka']);
      expect(host.hasAttribute('draggable')).to.equal(false);
      expect(el.hasAttribute('draggable')).to.equal(false);
    });

    it('fits 320 px: the roles stack in one column, nothing overflows', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px">
        <hansei-role-board incident-id=${CHECKIN} .adapter=${anAdapter()}></hansei-role-board>
      </div>`);
      const el = wrapper.querySelector('hansei-role-board')!;
      await settled(el);
      const lefts = new Set([...root(el).querySelectorAll('li[data-role]')].map((li) => Math.round(li.getBoundingClientRect().left)));
      expect(lefts.size).to.equal(1);
      const base = root(el).querySelector<HTMLElement>('[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      const people = root(el).querySelector('.people')!.getBoundingClientRect();
      expect(people.top).to.be.greaterThan(card(el, 'subject_matter_expert').getBoundingClientRect().top);
    });

    it('renders 50 people and 10 roles', async () => {
      const source = adapter();
      for (let i = 0; i < 36; i++) await source.createPerson({ name: `Responder ${i + 1}`, email: null, handle: null, timeZone: null });
      const roles = [...(await source.listRoles())];
      for (let i = roles.length; i < 10; i++) roles.push({ key: `extra_${i}`, name: { en: `Extra role ${i}` }, responsibilities: [{ en: 'Helps.' }], multiple: true, command: false });
      await source.replaceRoles(roles);
      const el = await board(source);
      expect(root(el).querySelectorAll('li[data-role]')).to.have.length(10);
      expect(root(el).querySelectorAll('.people-list > li')).to.have.length(50);
      // With many people, a filter narrows the list.
      const filter = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      filter.value = 'responder 3';
      filter.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      expect(root(el).querySelectorAll('.people-list > li')).to.have.length(8);
    });

    describe('accessibility, theme and language', () => {
      afterEach(async () => {
        await emulateMedia({ colorScheme: 'light' });
        await setLocale('en');
      });

      it('has no axe violations in light', async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="background: #fff"><hansei-role-board incident-id=${CHECKIN} .adapter=${anAdapter()}></hansei-role-board></div>`);
        const el = wrapper.querySelector('hansei-role-board')!;
        await settled(el);
        await expect(wrapper).to.be.accessible();
      });

      it('has no axe violations in dark, with a menu open and a person picked up', async () => {
        await emulateMedia({ colorScheme: 'dark' });
        const wrapper = await fixture<HTMLDivElement>(html`<div style="background: #0d1117; --hansei-color-scheme: dark"><hansei-role-board incident-id=${CHECKIN} .adapter=${anAdapter()}></hansei-role-board></div>`);
        const el = wrapper.querySelector('hansei-role-board')!;
        await settled(el);
        expect(getComputedStyle(root(el).querySelector('[part="base"]')!).backgroundColor).to.equal('rgb(13, 17, 23)');
        await openMenu(el, chip(el, 'per_tanaka').querySelector<HTMLButtonElement>('.menu-button')!);
        await expect(wrapper).to.be.accessible();
        chip(el, 'per_ito').querySelector<HTMLButtonElement>('.grab')!.click();
        await el.updateComplete;
        await expect(wrapper).to.be.accessible();
      });

      it('speaks Japanese: roles, responsibilities and the board', async () => {
        await setLocale('ja');
        const el = await board(adapter());
        expect(text(card(el, 'incident_commander').querySelector('h3')!)).to.equal('インシデントコマンダー');
        expect(text(card(el, 'incident_commander').querySelector('.duties')!)).to.contain('指揮を交代するときは明示的に引き継ぎ');
        expect(text(root(el).querySelector('h2')!)).to.equal('インシデントの役割');
        const items = await openMenu(el, chip(el, 'per_tanaka').querySelector<HTMLButtonElement>('.menu-button')!);
        expect(text(items[0]!)).to.equal('インシデントコマンダー（山本 亮 から引き継ぐ）');
        await expect(el).to.be.accessible();
      });
    });
  });
});
