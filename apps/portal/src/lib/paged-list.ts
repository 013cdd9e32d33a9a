/**
 * A list a view reads page by page ("Show more"): the items so far, the next cursor, whether a
 * read is running and what went wrong, in words. A new read aborts the one running, so a page of
 * an older search never lands under a newer one; leaving the page aborts it too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ListPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Reads the page after `cursor` (null: the first page), aborted through `signal`. */
export type PageReader<T> = (cursor: string | null, signal: AbortSignal) => Promise<ListPage<T>>;

export class PagedList<T> implements ReactiveController {
  items: readonly T[] = [];
  next: string | null = null;
  loading = false;
  problem = '';

  readonly #host: ReactiveControllerHost;
  readonly #read: PageReader<T>;
  readonly #words: (error: unknown) => string;
  #request: AbortController | null = null;

  /** `words` says an error in words a person can act on (the views' `problemText`). */
  constructor(host: ReactiveControllerHost, read: PageReader<T>, words: (error: unknown) => string) {
    this.#host = host;
    this.#read = read;
    this.#words = words;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#request?.abort();
  }

  /** Reads the first page again (a new search), or the next one after what is shown (`more`). */
  async load(more = false): Promise<void> {
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    this.loading = true;
    this.problem = '';
    this.#host.requestUpdate();
    try {
      const page = await this.#read(more ? this.next : null, request.signal);
      if (request.signal.aborted) return;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.nextCursor;
    } catch (error) {
      if (request.signal.aborted) return;
      this.problem = this.#words(error);
      if (!more) [this.items, this.next] = [[], null];
    } finally {
      if (this.#request === request) this.loading = false;
      this.#host.requestUpdate();
    }
  }
}
