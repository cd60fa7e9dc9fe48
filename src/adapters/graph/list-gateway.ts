import { GraphError } from '@microsoft/microsoft-graph-client';
import { graphPath, type GraphConnection } from './graph-client';
import { okBody, sendBatch, type BatchRequest, type BatchResponse } from './gateway/batch';
import { PreconditionFailedError, translate } from './gateway/errors';
import { holdsFields, parseItem, parsePage, type ListItem, type Page } from './gateway/list-item';
import { mapLimited } from '../../application/shared/map-limited';
import { bareItem, idRange, itemQuery, itemsQuery, latestDeltaQuery, pageSize } from './gateway/odata';
import { deltaFrom, followPages, type DeltaResult } from './gateway/paging';
import { lists, type ListName } from './list-schema';

/** The ID range of one page from `from`, narrowed by a list's own filter (an indexed column, as every filter here). */
const within = (from: number, filter: string | undefined): string =>
  filter ? `(${idRange(from, from + pageSize - 1)}) and (${filter})` : idRange(from, from + pageSize - 1);

/** ID ranges read at once: Graph's guidance for SharePoint is a few concurrent requests per user, not dozens. */
const rangesInFlight = 4;

/**
 * Reads and writes SharePoint list items through Graph: the transport the stores share. URLs come from
 * gateway/odata, $batch and its retries from gateway/batch, paging and delta from gateway/paging.
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

  itemsUrl(list: ListName, options: Parameters<typeof itemsQuery>[1]): string {
    return itemsQuery(this.listPath(list), options);
  }

  itemUrl(list: ListName, id: string, select: readonly string[]): string {
    return itemQuery(this.listPath(list), id, select);
  }

  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    this.roundTrips++;
    try {
      return await work();
    } catch (error) {
      throw translate(error, what);
    }
  }

  private readonly nextPage = async (url: string): Promise<Page> => parsePage(await this.call(url, () => this.graph.client.api(graphPath(url)).get()));

  async query(list: ListName, options: Parameters<typeof itemsQuery>[1]): Promise<ListItem[]> {
    return (await followPages(await this.nextPage(this.itemsUrl(list, options)), this.nextPage)).items;
  }

  /** The items of one $batch answer, with every further page; an error naming `what` if it failed. */
  async itemsOf(response: BatchResponse | undefined, what: string): Promise<ListItem[]> {
    return (await followPages(parsePage(okBody(response, what)), this.nextPage)).items;
  }

  /** The one item of a $batch answer. */
  itemOf(response: BatchResponse | undefined, what: string): ListItem {
    return parseItem(okBody(response, what));
  }

  /** A delta feed from one $batch answer, to its end. */
  deltaOf(response: BatchResponse | undefined, what: string): Promise<DeltaResult> {
    return deltaFrom(parsePage(okBody(response, what)), this.nextPage);
  }

  async get(list: ListName, id: string, select: readonly string[]): Promise<ListItem> {
    return parseItem(await this.call(`Item ${id}`, () => this.graph.client.api(this.itemUrl(list, id, select)).get()));
  }

  async create(list: ListName, fields: Record<string, unknown>): Promise<ListItem> {
    return parseItem(await this.call('The list', () => this.graph.client.api(`${this.listPath(list)}/items`).post({ fields })));
  }

  /**
   * Updates with If-Match; PreconditionFailedError when the stored item has another eTag. A retried PATCH whose
   * first answer was lost meets its own change as a 412: when the stored fields are exactly ours, it succeeded.
   */
  async update(list: ListName, id: string, fields: Record<string, unknown>, etag: string): Promise<void> {
    try {
      await this.call(`Item ${id}`, () =>
        this.graph.client
          .api(`${this.listPath(list)}/items/${id}/fields`)
          .header('If-Match', etag)
          .patch(fields),
      );
    } catch (error) {
      if (!(error instanceof GraphError && error.statusCode === 412)) throw error;
      if (!holdsFields(await this.get(list, id, Object.keys(fields)), fields)) throw new PreconditionFailedError(id);
    }
  }

  /** Requests in $batch chunks of 20, throttled sub-requests retried; answers in the order asked. */
  batch(requests: BatchRequest[]): Promise<BatchResponse[]> {
    return sendBatch((body) => this.call('$batch', () => this.graph.client.api('/$batch').post(body)), requests);
  }

  /**
   * Whole lists as they are now, with the delta link for what changes next. The token comes first, so a change
   * made while the items are read comes again in the next refresh, which replaces it. The items are read in ID
   * ranges of a page each: the first range rides in the same $batch as the tokens and each list's last ID, the
   * rest go in parallel, a few at a time as Graph's throttling guidance asks.
   */
  async snapshot(
    wanted: readonly { list: ListName; select: readonly string[]; properties?: readonly string[]; filter?: string }[],
  ): Promise<{ items: ListItem[]; deltaLink: string }[]> {
    const token = (i: number) => `token${i}`;
    const tokens = wanted.map((_, i) => token(i));
    const responses = await this.batch([
      ...wanted.map(({ list, select, properties }, i): BatchRequest => ({
        id: token(i),
        method: 'GET',
        url: latestDeltaQuery(this.listPath(list), select, properties),
      })),
      ...wanted.flatMap(({ list, select, properties, filter }, i): BatchRequest[] => [
        {
          id: `last${i}`,
          method: 'GET',
          url: this.itemsUrl(list, { select: ['ID'], properties: bareItem, orderby: 'fields/ID desc', top: 1 }),
          dependsOn: tokens,
        },
        { id: `first${i}`, method: 'GET', url: this.itemsUrl(list, { select, properties, filter: within(1, filter) }), dependsOn: tokens },
      ]),
    ]);
    const answer = (id: string) => responses.find((r) => r.id === id);
    const firsts = await Promise.all(
      wanted.map(async ({ list }, i) => ({
        deltaLink: (await this.deltaOf(answer(token(i)), `Reading ${list}`)).deltaLink,
        first: await this.itemsOf(answer(`first${i}`), `Reading ${list}`),
        // Only the first page: the highest ID is all that is wanted, not the list one item at a time.
        lastId: Number(parsePage(okBody(answer(`last${i}`), `Reading ${list}`)).value[0]?.id ?? 0),
      })),
    );
    const ranges = wanted.flatMap(({ list, select, properties, filter }, i) =>
      Array.from({ length: Math.max(0, Math.ceil((firsts[i]?.lastId ?? 0) / pageSize) - 1) }, (_, k) => ({
        i,
        list,
        select,
        properties,
        filter,
        from: (k + 1) * pageSize + 1,
      })),
    );
    const rest = await mapLimited(ranges, rangesInFlight, (r) =>
      this.query(r.list, { select: r.select, properties: r.properties, filter: within(r.from, r.filter) }),
    );
    return firsts.map((f, i) => ({ deltaLink: f.deltaLink, items: [...f.first, ...ranges.flatMap((r, k) => (r.i === i ? (rest[k] ?? []) : []))] }));
  }

  /** A Graph URL (absolute next/delta link or path) as a $batch sub-request URL: relative, without the version. */
  relative(url: string): string {
    return graphPath(url);
  }
}
