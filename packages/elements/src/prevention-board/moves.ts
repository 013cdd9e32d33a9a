/**
 * Moving cards without writing anything until the drop: by drag and drop (pragmatic-drag-and-drop
 * through the shadow-DOM relay, with the hitbox's closest edge and auto-scroll) or by keyboard
 * (pick up, choose a place with the arrow keys, drop). Both end in one call of the host's `move`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { attachClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/attach-closest-edge';
import { extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge/extract-closest-edge';
import { autoScrollWindowForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import type { Input } from '@atlaskit/pragmatic-drag-and-drop/types';
import { ACTION_STATUSES, columnPlace, type ActionPlace, type ActionStatus, type Id } from '@hansei/core';
import { connectShadowDrag, startShadowDrag, type ShadowDragBoard } from '../internal/shadow-drag.js';

/** A card being moved: which, from which swimlane (by index) and column. */
export interface Carried {
  readonly id: Id;
  readonly lane: number;
  readonly status: ActionStatus;
}

/** Where a carried card would land: lane, column, and index among the column's other shown cards. */
export interface Target {
  readonly lane: number;
  readonly status: ActionStatus;
  readonly index: number;
}

/** What the controller needs from the board. */
export interface MoveHost extends ReactiveControllerHost, HTMLElement {
  /** The ids a lane shows in a column, in order. */
  shownIds(lane: number, status: ActionStatus): readonly Id[];
  /** Whether card `id` can be moved now (the board can change, and no write of it is under way). */
  canMove(id: Id): boolean;
  /** Makes the move: one write. */
  move(carried: Carried, place: ActionPlace, how: 'drag' | 'keyboard'): void;
  /** Says where the carried card would land, or that a move began or ended. */
  say(what: { readonly kind: 'picked' | 'target' | 'cancelled' | 'not-dropped'; readonly carried: Carried; readonly target: Target | null }): void;
}

/** Distance from the edge of the column strip, in pixels, where a drag scrolls it sideways. */
const EDGE = 56;
/** Most pixels the strip scrolls per frame. */
const STEP = 18;

export class BoardMoves implements ReactiveController {
  readonly #host: MoveHost;
  /** Picked up by keyboard. */
  carried: Carried | null = null;
  /** Being dragged. */
  dragged: Carried | null = null;
  /** Where it would land. */
  target: Target | null = null;
  #disconnect: (() => void) | null = null;
  #scrollInput: Input | null = null;
  #scrollFrame = 0;

  constructor(host: MoveHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    try {
      const relay = connectShadowDrag(this.#host);
      const windowScroll = autoScrollWindowForElements();
      this.#disconnect = () => {
        relay();
        windowScroll();
      };
    } catch (error) {
      // pdnd reads process.env.NODE_ENV, which bundlers replace; unbundled, it throws. The board
      // stays usable by keyboard and menus.
      console.warn('hansei-prevention-board: drag and drop is off (the keyboard and menus still work). Bundle the page so that process.env.NODE_ENV is defined.', error);
    }
  }

  hostDisconnected(): void {
    this.#disconnect?.();
    this.#disconnect = null;
    this.#stopScroll();
    this.carried = null;
    this.dragged = null;
    this.target = null;
  }

  /** Whether drag and drop is on (pdnd could register). */
  get canDrag(): boolean {
    return this.#disconnect !== null;
  }

  /** The moving card, by keyboard or drag. */
  get moving(): Carried | null {
    return this.carried ?? this.dragged;
  }

  /** The cards of a column other than the moving one. */
  #others(lane: number, status: ActionStatus): readonly Id[] {
    const moving = this.moving;
    const ids = this.#host.shownIds(lane, status);
    return moving ? ids.filter((id) => id !== moving.id) : ids;
  }

  /** Where the moving card starts: its own place. */
  #origin(carried: Carried): Target {
    const index = this.#host.shownIds(carried.lane, carried.status).indexOf(carried.id);
    return { lane: carried.lane, status: carried.status, index: Math.max(0, index) };
  }

  /**
   * Where the drop indicator goes in a lane's column: before card `before`, or at the end
   * (`before` null); null: nowhere.
   */
  indicator(lane: number, status: ActionStatus): { readonly before: Id | null } | null {
    const target = this.target;
    if (!target || !this.moving || target.lane !== lane || target.status !== status) return null;
    const moving = this.moving;
    if (target.lane === moving.lane && target.status === moving.status && target.index === this.#origin(moving).index) return null;
    return { before: this.#others(lane, status)[target.index] ?? null };
  }

  /** The place a target stands for. */
  placeOf(target: Target): ActionPlace {
    return columnPlace(this.#others(target.lane, target.status), target.index, target.status);
  }

  // Keyboard ----------------------------------------------------------------------------------

  /** Picks a card up (or, when it is the one carried, puts it down where it was). */
  pickUp(carried: Carried): void {
    if (this.carried?.id === carried.id && this.carried.lane === carried.lane) {
      this.cancel();
      return;
    }
    if (!this.#host.canMove(carried.id)) return;
    this.carried = carried;
    this.target = this.#origin(carried);
    this.#host.say({ kind: 'picked', carried, target: this.target });
    this.#host.requestUpdate();
  }

  cancel(): void {
    const carried = this.carried;
    if (!carried) return;
    this.carried = null;
    this.target = null;
    this.#host.say({ kind: 'cancelled', carried, target: null });
    this.#host.requestUpdate();
  }

  /** Drops the carried card at the target: one move (or none, when it is where it was). */
  drop(): void {
    const carried = this.carried;
    const target = this.target;
    if (!carried || !target) return;
    const place = this.placeOf(target);
    this.carried = null;
    this.target = null;
    this.#host.requestUpdate();
    this.#host.move(carried, place, 'keyboard');
  }

  /**
   * Keys while a card is carried: ArrowUp/ArrowDown, Home/End choose the place in the column,
   * ArrowLeft/ArrowRight the column (same height), Enter or Space drops, Escape cancels.
   * Returns whether it handled the key.
   */
  keydown(event: KeyboardEvent): boolean {
    const carried = this.carried;
    const target = this.target;
    if (!carried || !target) return false;
    const columns = ACTION_STATUSES;
    const column = columns.indexOf(target.status);
    const count = (status: ActionStatus): number => this.#others(target.lane, status).length;
    let next: Target | null = null;
    switch (event.key) {
      case 'Escape':
        this.cancel();
        break;
      case 'Enter':
      case ' ':
        this.drop();
        break;
      case 'ArrowUp':
        next = { ...target, index: Math.max(0, target.index - 1) };
        break;
      case 'ArrowDown':
        next = { ...target, index: Math.min(count(target.status), target.index + 1) };
        break;
      case 'Home':
        next = { ...target, index: 0 };
        break;
      case 'End':
        next = { ...target, index: count(target.status) };
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const rtl = getComputedStyle(this.#host).direction === 'rtl';
        const step = (event.key === 'ArrowRight') !== rtl ? 1 : -1;
        const status = columns[column + step];
        if (status !== undefined) next = { lane: target.lane, status, index: Math.min(count(status), target.index) };
        else next = target;
        break;
      }
      default:
        return false;
    }
    event.preventDefault();
    event.stopPropagation();
    if (next) {
      this.target = next;
      this.#host.say({ kind: 'target', carried, target: next });
      this.#host.requestUpdate();
    }
    return true;
  }

  // Drag and drop -----------------------------------------------------------------------------

  /** The `dragstart` of a card: hands the drag to pdnd, or cancels it when the card cannot move. */
  dragStart(event: DragEvent, carried: Carried): void {
    if (!this.#disconnect || !this.#host.canMove(carried.id)) {
      event.preventDefault();
      return;
    }
    this.carried = null;
    this.dragged = carried;
    this.target = null;
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    let started = false;
    try {
      started = startShadowDrag(this.#host, this.#dragBoard, carried);
    } catch (error) {
      console.warn('hansei-prevention-board: the drag could not start; use the keyboard or the menus.', error);
    }
    if (!started) {
      event.preventDefault();
      this.dragged = null;
    }
    this.#host.requestUpdate();
  }

  readonly #dragBoard: ShadowDragBoard<Carried> = {
    zoneAt: (x, y, source, input) => {
      const target = this.#targetAt(x, y, source, input);
      return target === null ? null : `${target.lane}|${target.status}|${target.index}`;
    },
    dragOver: (zone) => {
      const target = zone === null ? null : parseZone(zone);
      const now = this.target;
      if (now?.lane === target?.lane && now?.status === target?.status && now?.index === target?.index) return;
      this.target = target;
      this.#host.requestUpdate();
    },
    dragMove: (input) => {
      this.#scrollInput = input;
      if (this.#scrollFrame === 0) this.#scrollFrame = requestAnimationFrame(this.#scroll);
    },
    dragEnd: (source, zone) => {
      this.dragged = null;
      this.target = null;
      this.#stopScroll();
      this.#host.requestUpdate();
      const target = zone === null ? null : parseZone(zone);
      if (target === null) {
        this.#host.say({ kind: 'not-dropped', carried: source, target: null });
        return;
      }
      // The place is worked out among the other cards, as the drag saw them.
      const place = columnPlace(
        this.#host.shownIds(target.lane, target.status).filter((id) => id !== source.id),
        target.index,
        target.status,
      );
      this.#host.move(source, place, 'drag');
    },
  };

  /** The place under viewport point (x, y) for `source`: in its own swimlane only. */
  #targetAt(x: number, y: number, source: Carried, input: Input): Target | null {
    const root = this.#host.shadowRoot;
    const hit = root?.elementFromPoint(x, y);
    if (!root || !hit || !root.contains(hit)) return null;
    const column = hit.closest<HTMLElement>('[data-drop-column]');
    if (!column) return null;
    const lane = Number(column.dataset['lane']);
    const status = column.dataset['status'] as ActionStatus | undefined;
    if (lane !== source.lane || status === undefined || !ACTION_STATUSES.includes(status)) return null;
    const others = this.#host.shownIds(lane, status).filter((id) => id !== source.id);
    const card = hit.closest<HTMLElement>('li[data-id]');
    if (!card || !column.contains(card)) return { lane, status, index: others.length };
    const id = card.dataset['id'] ?? '';
    if (id === source.id) return this.#origin(source);
    const index = others.indexOf(id);
    if (index < 0) return null;
    const edge = extractClosestEdge(attachClosestEdge({}, { element: card, input, allowedEdges: ['top', 'bottom'] }));
    return { lane, status, index: edge === 'bottom' ? index + 1 : index };
  }

  /** Scrolls the column strip under the pointer sideways while the pointer is near its edges. */
  readonly #scroll = (): void => {
    this.#scrollFrame = 0;
    const input = this.#scrollInput;
    if (!input || !this.dragged) return;
    const strip = this.#host.shadowRoot?.elementFromPoint(input.clientX, input.clientY)?.closest<HTMLElement>('.columns');
    if (!strip) return;
    const box = strip.getBoundingClientRect();
    const left = input.clientX - box.left;
    const right = box.right - input.clientX;
    let by = 0;
    if (left < EDGE) by = -Math.ceil(((EDGE - left) / EDGE) * STEP);
    else if (right < EDGE) by = Math.ceil(((EDGE - right) / EDGE) * STEP);
    if (by === 0) return;
    // Instant: a smooth scroll would not have moved yet when the next frame looks (the strip
    // also stops snapping while a card is dragged: `.columns.dragging`).
    strip.scrollBy({ left: by, behavior: 'instant' });
    // Keep scrolling while the pointer rests near the edge (pdnd reports only when it moves),
    // until the strip reaches its end that way.
    const end = by > 0 ? strip.scrollLeft >= strip.scrollWidth - strip.clientWidth - 1 : strip.scrollLeft <= 0;
    if (!end) this.#scrollFrame = requestAnimationFrame(this.#scroll);
  };

  #stopScroll(): void {
    if (this.#scrollFrame !== 0) cancelAnimationFrame(this.#scrollFrame);
    this.#scrollFrame = 0;
    this.#scrollInput = null;
  }
}

function parseZone(zone: string): Target | null {
  const [lane, status, index] = zone.split('|');
  if (lane === undefined || status === undefined || index === undefined) return null;
  return { lane: Number(lane), status: status as ActionStatus, index: Number(index) };
}
