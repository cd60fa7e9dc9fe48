import { GraphError, ok, type EmuRequest, type EmuResponse } from '../http';
import type { ListRow, Store } from '../store';
import { itemResource } from './item-resource';
import { linkWith, pageSize } from './query';

/** A list's changes since a token, paged; the last page carries the next token. */
export function delta(store: Store, request: EmuRequest, list: ListRow): EmuResponse {
  const token = request.query.get('token');
  const skip = request.query.get('$skiptoken');
  const size = pageSize(request);
  // The skiptoken carries where the enumeration started, so changes made meanwhile come in the next round.
  const [offsetText, sinceText, untilText] = (skip ?? '').split(':');
  const since = skip ? Number(sinceText) : token === 'latest' ? store.latestSeq() : token ? Number(token) : 0;
  const until = skip ? Number(untilText) : store.latestSeq();
  if (!Number.isInteger(since) || since < 0) throw new GraphError(410, 'resyncRequired', 'The delta token is not valid; start again without a token');
  const offset = Number(offsetText) || 0;
  const rows = token === 'latest' ? [] : store.changedItems(list.id, since, size + 1, offset).filter((row) => row.seq <= until);
  const page = rows.slice(0, size);
  const value = page.map((item) => (item.deleted ? { id: String(item.id), deleted: { state: 'deleted' } } : itemResource(store, request, list, item)));
  const more = rows.length > size;
  const link = more
    ? { '@odata.nextLink': linkWith(request, { $skiptoken: `${offset + size}:${since}:${until}` }) }
    : { '@odata.deltaLink': linkWith(request, { token: String(until) }, ['$skiptoken']) };
  return ok({ '@odata.context': `${request.base}/$metadata#Collection(listItem)`, value, ...link });
}
