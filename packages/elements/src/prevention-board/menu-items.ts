/** The items of a card's menu: moves within the column as shown, to other columns, and verdicts. */
import { msg, str } from '@lit/localize';
import { ACTION_STATUSES, stepPlace, type ActionEffectiveness, type ActionPlace, type Id, type PreventionAction } from '@hansei/core';
import type { MenuItem } from '../internal/menus.js';
import { columnWords } from './words.js';

export interface MenuActions {
  move(place: ActionPlace): void;
  judge(effectiveness: ActionEffectiveness): void;
}

/** `shown`: the ids the card's lane shows in its column, in order. */
export function cardMenuItems(action: Pick<PreventionAction, 'id' | 'status' | 'effectiveness'>, shown: readonly Id[], run: MenuActions): MenuItem[] {
  const items: MenuItem[] = [];
  const steps = [
    ['top', msg('Move to top', { desc: 'Prevention board menu: move a card to the top of its column' })],
    ['up', msg('Move up', { desc: 'Prevention board menu: move a card one place up' })],
    ['down', msg('Move down', { desc: 'Prevention board menu: move a card one place down' })],
    ['bottom', msg('Move to bottom', { desc: 'Prevention board menu: move a card to the bottom of its column' })],
  ] as const;
  if (shown.includes(action.id)) {
    for (const [step, label] of steps) {
      const place = stepPlace(shown, action.id, action.status, step);
      if (place) items.push({ label, run: () => run.move(place) });
    }
  }
  for (const status of ACTION_STATUSES) {
    if (status === action.status) continue;
    items.push({
      label: msg(str`Move to ${columnWords(status)}`, { id: 'prevention-board.move-to', desc: 'Prevention board menu: move a card to the bottom of another column' }),
      run: () => run.move({ status, at: 'bottom' }),
    });
  }
  if (action.status === 'done') {
    if (action.effectiveness !== 'effective') {
      items.push({ label: msg('Mark verified effective', { desc: 'Prevention board menu: record that a done action worked' }), run: () => run.judge('effective') });
    }
    if (action.effectiveness !== 'recurred') {
      items.push({ label: msg('Mark as recurred', { desc: 'Prevention board menu: record that the incident came back after a done action' }), run: () => run.judge('recurred') });
    }
    if (action.effectiveness !== 'unverified') {
      items.push({ label: msg('Clear the verdict', { desc: 'Prevention board menu: neither verified nor recurred' }), run: () => run.judge('unverified') });
    }
  }
  return items;
}
