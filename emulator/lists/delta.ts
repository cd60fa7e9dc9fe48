import { GraphError, ok, type EmuRequest, type EmuResponse } from '../http';
import type { ListRow, Store } from '../store';
import { itemResource } from './item-resource';
import { linkWith, pageSize } from './query';

/** How long a delta token stays good: a tab reopened after longer starts again from a full read. */
export const deltaTokenLifetimeMs = 30 * 24 * 3600 * 1000;

/** A list's changes since a token (its change number and when it was issued), paged; the last page carries the next token. */
export function delta(store: Store, request: EmuRequest, list: ListRow): EmuResponse {
  const token = request.query.get('token');
  const skip = request.query.get('$skiptoken');
  const size = pageSize(request);
  // The skiptoken carries where the enumeration started, so changes made meanwhile come in the next round.
  const [offsetText, sinceText, untilText] = (skip ?? '').split(':');
  const [seqText, issuedText] = (token ?? '').split('-');
  const since = skip ? Number(sinceText) : token === 'latest' ? store.latestSeq() : token ? Number(seqText) : 0;
  const until = skip ? Number(untilText) : store.latestSeq();
  // As SharePoint's, a token expires: the client is sent back to the start, told where (Location).
  const expired = !skip && token && token !== 'latest' && Date.parse(store.now()) - Number(issuedText) * 1000 > deltaTokenLifetimeMs;
  if (!Number.isInteger(since) || since < 0 || expired)
    throw new GraphError(410, 'resyncRequired', 'The delta token is not valid or has expired; start again without a token', {
      Location: linkWith(request, {}, ['token', '$skiptoken']),
    });
  const offset = Number(offsetText) || 0;
  const rows = token === 'latest' ? [] : store.changedItems(list.id, since, size + 1, offset).filter((row) => row.seq <= until);
  const page = rows.slice(0, size);
  const value = page.map((item) => (item.deleted ? { id: String(item.id), deleted: { state: 'deleted' } } : itemResource(store, request, list, item)));
  const more = rows.length > size;
  const link = more
    ? { '@odata.nextLink': linkWith(request, { $skiptoken: `${offset + size}:${since}:${until}` }) }
    : { '@odata.deltaLink': linkWith(request, { token: `${until}-${Math.floor(Date.parse(store.now()) / 1000)}` }, ['$skiptoken']) };
  return ok({ '@odata.context': `${request.base}/$metadata#Collection(listItem)`, value, ...link });
}
