/**
 * The worked example of docs/adapters.md: an adapter for a backend that is not Hansei's, here a
 * service catalogue that already tracks each service's health at `GET <base>/services`:
 *
 *   [{ "id": "api", "name": "Public API", "health": "degraded", "since": "2026-11-25T08:40:00Z" }]
 *
 * It can read the status and nothing else, says so in its capabilities, and lets
 * `defineAdapter` reject every other method as unsupported. Elements that show status work on it
 * unchanged; elements that need more hide themselves or their controls.
 */
import { defineAdapter, errorFromResponse, HanseiError, type CallOptions, type HanseiAdapter } from '@hansei/adapters';
import { pageStatus, type Component, type ComponentStatus, type StatusSnapshot, type Stored } from '@hansei/core';

/** One service as the catalogue answers it. */
interface CatalogService {
  readonly id: string;
  readonly name: string;
  readonly health: 'healthy' | 'degraded' | 'down';
  readonly since: string;
}

const STATUS: Record<CatalogService['health'], ComponentStatus> = {
  healthy: 'operational',
  degraded: 'degraded_performance',
  down: 'major_outage',
};

export function catalogAdapter(baseUrl: string, pageName = 'Service status'): HanseiAdapter {
  /** The catalogue's services as Hansei components, with the failures an element can show. */
  async function components(options?: CallOptions): Promise<Stored<Component>[]> {
    let response: Response;
    try {
      response = await fetch(new URL('services', baseUrl), { signal: options?.signal ?? null });
    } catch (cause) {
      throw new HanseiError({ kind: 'network', message: `The service catalogue at ${baseUrl} cannot be reached.`, cause });
    }
    if (!response.ok) throw errorFromResponse(response.status, null);
    const services = (await response.json()) as CatalogService[];
    return services.map((service, position) => ({
      id: service.id,
      name: service.name,
      description: null,
      status: STATUS[service.health],
      groupId: null,
      position,
      showcase: true,
      onlyShowIfDegraded: false,
      startDate: null,
      createdAt: service.since,
      updatedAt: service.since,
      version: 1,
    }));
  }

  return defineAdapter('service catalogue', {
    capabilities: { read: ['status'], write: [], live: false },
    listComponents: components,
    async status(options): Promise<StatusSnapshot> {
      const list = await components(options);
      const generatedAt = new Date().toISOString();
      return {
        page: { id: 'catalog', name: pageName, url: baseUrl, timeZone: 'UTC', updatedAt: generatedAt },
        status: pageStatus(list, []),
        groups: [],
        components: list,
        incidents: [],
        maintenances: [],
        generatedAt,
      };
    },
  });
}
