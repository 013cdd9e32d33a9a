/**
 * Pragmatic drag and drop (pdnd) for drags that start and end inside one element's shadow root.
 *
 * pdnd listens on `document` and `window`, where events from inside a shadow root are retargeted
 * to the outermost shadow host, so it cannot see a draggable or a drop target registered inside
 * one (pragmatic-drag-and-drop issues #15 and #116). Instead, this module registers that
 * outermost host (the "anchor": the element itself when it sits in the page's light DOM):
 * - as a drop target, once per anchor, shared by every board inside it; it accepts a drag only
 *   while the board that started it finds one of its own drop zones under the pointer
 *   (`zoneAt`, looked up with `ShadowRoot.elementFromPoint`), and carries that zone as its data;
 * - as a draggable only for the length of one drag, registered by the board's own `dragstart`
 *   listener (which runs before pdnd's on `document`). Other native drags inside the anchor (a
 *   link, an image, another library's) are never seen, let alone cancelled, by pdnd.
 */
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import type { Input } from '@atlaskit/pragmatic-drag-and-drop/types';

/** What a board tells the relay about a drag it started. */
export interface ShadowDragBoard<Source> {
  /**
   * The drop zone (its key) at viewport point (x, y) that may receive `source`, or null.
   * `input` is the whole pointer input (e.g. for pdnd's hitbox, to find the closest edge).
   */
  zoneAt(x: number, y: number, source: Source, input: Input): string | null;
  /** The pointer is over zone `zone` (null: over none). Called often: compare before re-rendering. */
  dragOver(zone: string | null): void;
  /** The pointer moved during the drag (e.g. to scroll a container inside the shadow root near its edges). */
  dragMove?(input: Input): void;
  /** The drag ended: dropped on `zone`, or (null) cancelled or dropped elsewhere. */
  dragEnd(source: Source, zone: string | null): void;
}

interface Relay {
  users: number;
  active: { readonly board: ShadowDragBoard<unknown>; readonly source: unknown } | null;
  endDraggable: (() => void) | null;
  readonly unregister: () => void;
}

const relays = new Map<HTMLElement, Relay>();
const ZONE = 'hanseiShadowZone';

/** The outermost shadow host around `element`, or `element` itself when it is in the light DOM. */
export function anchorOf(element: HTMLElement): HTMLElement {
  let anchor = element;
  let root = element.getRootNode();
  while (root instanceof ShadowRoot) {
    anchor = root.host as HTMLElement;
    root = anchor.getRootNode();
  }
  return anchor;
}

function zoneOf(targets: readonly { readonly element: Element; readonly data: Record<string | symbol, unknown> }[], anchor: HTMLElement): string | null {
  const zone = targets.find((t) => t.element === anchor)?.data[ZONE];
  return typeof zone === 'string' ? zone : null;
}

/**
 * Registers the drop target relay of `host`'s anchor (shared with the other boards inside the
 * same anchor). Call from `connectedCallback`; the returned function undoes it
 * (`disconnectedCallback`). Re-connect when the host moves to another anchor.
 */
export function connectShadowDrag(host: HTMLElement): () => void {
  const anchor = anchorOf(host);
  let relay = relays.get(anchor);
  if (!relay) {
    const created: Relay = {
      users: 0,
      active: null,
      endDraggable: null,
      unregister: dropTargetForElements({
        element: anchor,
        canDrop: ({ source, input }) =>
          source.element === anchor && created.active !== null && created.active.board.zoneAt(input.clientX, input.clientY, created.active.source, input) !== null,
        getData: ({ input }) => {
          const zone = created.active?.board.zoneAt(input.clientX, input.clientY, created.active.source, input) ?? null;
          return zone === null ? {} : { [ZONE]: zone };
        },
      }),
    };
    relay = created;
    relays.set(anchor, relay);
  }
  relay.users += 1;
  let connected = true;
  return () => {
    if (!connected) return;
    connected = false;
    const current = relays.get(anchor);
    if (!current) return;
    current.users -= 1;
    if (current.users > 0) return;
    current.endDraggable?.();
    current.unregister();
    relays.delete(anchor);
  };
}

/**
 * Starts a pdnd drag of `source` for `board`: call from the `dragstart` listener of the dragged
 * element inside `host`'s shadow root (after `connectShadowDrag(host)`). pdnd then reports where
 * the drag goes (`dragOver`) and how it ends (`dragEnd`, always called once). False when there
 * is no relay for the host (it is not connected): the caller should cancel the native drag.
 */
export function startShadowDrag<Source>(host: HTMLElement, board: ShadowDragBoard<Source>, source: Source): boolean {
  const anchor = anchorOf(host);
  const relay = relays.get(anchor);
  if (!relay) return false;
  relay.endDraggable?.();
  const previous = anchor.getAttribute('draggable');
  let over: string | null = null;
  let begun = false;
  const end = draggable({
    element: anchor,
    // Called while the dragstart event is still being dispatched, when pdnd takes the drag.
    onGenerateDragPreview: () => {
      begun = true;
    },
    onDrag: ({ location }) => {
      board.dragMove?.(location.current.input);
      const zone = zoneOf(location.current.dropTargets, anchor);
      if (zone !== over) {
        over = zone;
        board.dragOver(zone);
      }
    },
    onDrop: ({ location }) => {
      const zone = zoneOf(location.current.dropTargets, anchor);
      relay.active = null;
      relay.endDraggable?.();
      board.dragOver(null);
      board.dragEnd(source, zone);
    },
  });
  relay.active = { board, source };
  // pdnd marks its draggable `draggable="true"`: the anchor itself must not become draggable
  // (that would make all its text unselectable); the drag is already under way.
  if (previous === null) anchor.removeAttribute('draggable');
  else anchor.setAttribute('draggable', previous);
  const finish = (): void => {
    relay.endDraggable = null;
    end();
    if (previous === null) anchor.removeAttribute('draggable');
    else anchor.setAttribute('draggable', previous);
  };
  relay.endDraggable = finish;
  // Someone else cancelled the dragstart, so pdnd never took the drag: unregister at once, or
  // pdnd would take the next native drag inside the anchor (a link's) for this one.
  setTimeout(() => {
    if (begun || relay.endDraggable !== finish) return;
    relay.active = null;
    finish();
    board.dragOver(null);
    board.dragEnd(source, null);
  }, 0);
  return true;
}
