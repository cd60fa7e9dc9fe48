import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../application/ports';
import { graphPath, type GraphConnection } from './graph-client';
import { lists, type ListName } from './list-schema';

/** SharePoint answers at most 5,000 items a page; asking for that saves round trips over the default 200. */
export const pageSize = 5000;
/** Graph's limit of requests in one $batch. */
export const batchLimit = 20;
const retryableStatuses = new Set([429, 503, 504]);
const maxAttempts = 10;

export interface ListItem {
  id: string;
  etag: string;
  fields: Record<string, unknown>;
  createdBy?: string;
}

export class PreconditionFailedError extends Error {
  constructor(readonly itemId: string) {
    super(`Item ${itemId} changed since it was read`);
    this.name = 'PreconditionFailedError';
  }
}

export class UniqueValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UniqueValueError';
  }
}


const itemSchema = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  createdBy: z.object({ user: z.object({ email: z.string().optional() }).optional() }).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  deleted: z.object({ state: z.string().optional() }).optional(),
});

const pageSchema = z.object({
  value: z.array(itemSchema),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
type Page = z.infer<typeof pageSchema>;

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({ id: z.string(), status: z.number(), headers: z.record(z.string(), z.string()).optional(), body: z.unknown().optional() }),
  ),
});

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponse {
  id: string;
  status: number;
  body: unknown;
}

export interface DeltaResult {
  changed: ListItem[];
  removed: string[];
  deltaLink: string;
}

function toListItem(raw: z.infer<typeof itemSchema>): ListItem {
  return {
    id: raw.id,
    etag: raw['@odata.etag'] ?? raw.eTag ?? '',
    fields: raw.fields ?? {},
    createdBy: raw.createdBy?.user?.email,
  };
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

/** Whether a stored field holds what we sent; SharePoint returns date-times normalised (no milliseconds). */
export function sameFieldValue(stored: unknown, sent: unknown): boolean {
  const [a, b] = [stored ?? null, sent ?? null];
  if (a === b) return true;
  return typeof a === 'string' && typeof b === 'string' && isoDateTime.test(a) && isoDateTime.test(b) && Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);
}

const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;
export const eq = (field: string, value: string): string => `fields/${field} eq ${odataString(value)}`;

function translate(error: unknown, what: string): unknown {
  if (!(error instanceof GraphError)) return error;
  if (error.statusCode === 403) return new ForbiddenError(error.message || undefined);
  if (error.statusCode === 404) return new NotFoundError(`${what} was not found`);
  if (error.statusCode === 409) return new UniqueValueError(error.message);
  return error;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads and writes SharePoint list items through Graph: $select always, full paging, delta, eTags, and $batch
 * with our own retry of throttled sub-requests (the client retries only whole requests).
 */
export class ListGateway {
  /** Graph requests made, for the benchmark's round-trip counts. */
  roundTrips = 0;

  constructor(
    private readonly graph: GraphConnection,
    readonly siteId: string,
  ) {}

  listPath(list: ListName): string {
    return `/sites/${this.siteId}/lists/${lists[list].title}`;
  }

  itemsUrl(list: ListName, options: { select: readonly string[]; filter?: string; orderby?: string; top?: number }): string {
    const query = new URLSearchParams({ $expand: `fields($select=${options.select.join(',')})`, $top: String(options.top ?? pageSize) });
    if (options.filter) query.set('$filter', options.filter);
    if (options.orderby) query.set('$orderby', options.orderby);
    return `${this.listPath(list)}/items?${query.toString()}`;
  }

  deltaUrl(list: ListName, select: readonly string[]): string {
    const query = new URLSearchParams({ $expand: `fields($select=${select.join(',')})`, $top: String(pageSize) });
    return `${this.listPath(list)}/items/delta?${query.toString()}`;
  }

  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    this.roundTrips++;
    try {
      return await work();
    } catch (error) {
      throw translate(error, what);
    }
  }

  private async getPage(url: string): Promise<Page> {
    const raw: unknown = await this.call(url, () => this.graph.client.api(graphPath(url)).get());
    return pageSchema.parse(raw);
  }

  /** A page and every page after it. */
  async followPages(first: Page): Promise<{ items: ListItem[]; removed: string[]; deltaLink?: string }> {
    const items: ListItem[] = [];
    const removed: string[] = [];
    let page: Page = first;
    for (;;) {
      for (const raw of page.value) {
        if (raw.deleted) removed.push(raw.id);
        else items.push(toListItem(raw));
      }
      const next = page['@odata.nextLink'];
      if (!next) return { items, removed, deltaLink: page['@odata.deltaLink'] };
      page = await this.getPage(next);
    }
  }

  async query(list: ListName, options: { select: readonly string[]; filter?: string; orderby?: string }): Promise<ListItem[]> {
    return (await this.followPages(await this.getPage(this.itemsUrl(list, options)))).items;
  }

  async deltaFrom(first: Page): Promise<DeltaResult> {
    const { items, removed, deltaLink } = await this.followPages(first);
    if (!deltaLink) throw new Error('The delta feed ended without a deltaLink');
    return { changed: items, removed, deltaLink };
  }

  parsePage(body: unknown): Page {
    return pageSchema.parse(body);
  }

  parseItem(body: unknown): ListItem {
    return toListItem(itemSchema.parse(body));
  }

  async get(list: ListName, id: string, select: readonly string[]): Promise<ListItem> {
    const url = `${this.listPath(list)}/items/${id}?$expand=fields($select=${select.join(',')})`;
    return toListItem(itemSchema.parse(await this.call(`Item ${id}`, () => this.graph.client.api(url).get())));
  }

  async create(list: ListName, fields: Record<string, unknown>): Promise<ListItem> {
    const raw: unknown = await this.call('The list', () => this.graph.client.api(`${this.listPath(list)}/items`).post({ fields }));
    return toListItem(itemSchema.parse(raw));
  }

  /**
   * Updates with If-Match; PreconditionFailedError when the stored item has another eTag. A retried PATCH whose
   * first answer was lost meets its own change as a 412: when the stored fields are exactly ours, it succeeded.
   */
  async update(list: ListName, id: string, fields: Record<string, unknown>, etag: string): Promise<void> {
    try {
      await this.call(`Item ${id}`, () =>
        this.graph.client.api(`${this.listPath(list)}/items/${id}/fields`).header('If-Match', etag).patch(fields),
      );
    } catch (error) {
      if (!(error instanceof GraphError && error.statusCode === 412)) throw error;
      const current = await this.get(list, id, Object.keys(fields));
      const ours = Object.entries(fields).every(([name, value]) => sameFieldValue(current.fields[name], value));
      if (!ours) throw new PreconditionFailedError(id);
    }
  }

  /**
   * Sends requests in $batch chunks of 20 and retries sub-requests that were throttled or timed out, honouring
   * Retry-After. Answers in the order asked.
   */
  async batch(requests: BatchRequest[]): Promise<BatchResponse[]> {
    const results = new Map<string, BatchResponse>();
    for (let start = 0; start < requests.length; start += batchLimit) {
      let pending = requests.slice(start, start + batchLimit);
      for (let attempt = 1; pending.length > 0; attempt++) {
        const body = {
          requests: pending.map((r) => ({
            id: r.id,
            method: r.method,
            url: r.url,
            ...(r.body === undefined ? {} : { body: r.body }),
            headers: { ...(r.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...r.headers },
          })),
        };
        const raw: unknown = await this.call('$batch', () => this.graph.client.api('/$batch').post(body));
        const { responses } = batchResponseSchema.parse(raw);
        const retry: BatchRequest[] = [];
        let waitSeconds = 0;
        for (const response of responses) {
          const request = pending.find((r) => r.id === response.id);
          if (!request) continue;
          if (retryableStatuses.has(response.status) && attempt < maxAttempts) {
            retry.push(request);
            waitSeconds = Math.max(waitSeconds, Number(response.headers?.['Retry-After'] ?? 1) || 0);
          } else {
            results.set(response.id, { id: response.id, status: response.status, body: response.body });
          }
        }
        pending = retry;
        if (pending.length > 0) await sleep(Math.min(waitSeconds, 30) * 1000);
      }
    }
    return requests.map((r) => results.get(r.id) ?? { id: r.id, status: 0, body: undefined });
  }

  /** A Graph URL (absolute next/delta link or path) as a $batch sub-request URL: relative, without the version. */
  relative(url: string): string {
    return graphPath(url);
  }
}

