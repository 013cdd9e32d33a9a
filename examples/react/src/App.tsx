/**
 * An incident console written in React 19 that embeds Hansei elements as plain tags. React 19
 * sets object props as properties (`adapter`), strings as attributes or properties, and
 * `on<event>` listens for the element's own events; `@hansei/elements/react` types all of them.
 */
import { useMemo, useState } from 'react';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { RoleChangeDetail } from '@hansei/elements';
// Registers the tags before React first renders them, so React sets their properties.
import '@hansei/elements/define/provider.js';
import '@hansei/elements/define/slo-gauge.js';
import '@hansei/elements/define/role-board.js';

/** The demo's open SEV2 (check-in delays), with a full team. */
const INCIDENT = 'inc_0027';

function describe(change: RoleChangeDetail): string {
  return `${change.kind}: ${change.assignment.role} → ${change.assignment.personId}`;
}

export function App() {
  // Your backend's adapter goes here (RestAdapter, or your own with defineAdapter).
  const adapter = useMemo(() => new MemoryAdapter({ role: 'responder' }), []);
  const [lang, setLang] = useState<'en' | 'ja'>('en');
  const [changes, setChanges] = useState<readonly string[]>([]);

  return (
    <main>
      <div className="toolbar">
        <h1>Incident console</h1>
        <label>
          Language{' '}
          <select value={lang} onChange={(event) => setLang(event.target.value === 'ja' ? 'ja' : 'en')}>
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </label>
      </div>
      <hansei-provider adapter={adapter} lang={lang} time-zone="Asia/Tokyo">
        <hansei-slo-gauge slo-id="slo_checkin" size="compact"></hansei-slo-gauge>
        <hansei-role-board
          incidentId={INCIDENT}
          onhansei-role-change={(event) => setChanges((list) => [...list, describe(event.detail)])}
        ></hansei-role-board>
      </hansei-provider>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">Role changes heard by React</h2>
        <ol id="changes">
          {changes.map((change, i) => (
            <li key={i}>{change}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}
