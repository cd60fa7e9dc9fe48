/** SharePoint answers at most 5,000 items a page; asking for that saves round trips over the default 200. */
export const pageSize = 5000;

const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** `fields/<name> eq '<value>'`, the value quoted as OData wants. */
export const eq = (field: string, value: string): string => `fields/${field} eq ${odataString(value)}`;

/** A list's items with their fields (always `$select`ed), filtered and sorted on indexed columns. */
export function itemsQuery(
  listPath: string,
  options: { select: readonly string[]; properties?: readonly string[]; filter?: string; orderby?: string; top?: number },
): string {
  const query = new URLSearchParams({ $expand: `fields($select=${options.select.join(',')})`, $top: String(options.top ?? pageSize) });
  if (options.properties) query.set('$select', options.properties.join(','));
  if (options.filter) query.set('$filter', options.filter);
  if (options.orderby) query.set('$orderby', options.orderby);
  return `${listPath}/items?${query.toString()}`;
}

/** A list's delta feed, from the start. */
export function deltaQuery(listPath: string, select: readonly string[], properties?: readonly string[]): string {
  const query = new URLSearchParams({ $expand: `fields($select=${select.join(',')})`, $top: String(pageSize) });
  if (properties) query.set('$select', properties.join(','));
  return `${listPath}/items/delta?${query.toString()}`;
}

/** A list's delta feed from now: no items, only the token for the changes to come, keeping the same fields. */
export const latestDeltaQuery = (listPath: string, select: readonly string[], properties?: readonly string[]): string =>
  `${deltaQuery(listPath, select, properties)}&token=latest`;

/** An item's own properties a read needs when SharePoint's stamps (author, times, links) are not wanted: less to send and parse. */
export const bareItem = ['id', 'eTag'] as const;

/** Items whose ID is in [from, to]: SharePoint's ID is always indexed, so a range reads well on any list size. */
export const idRange = (from: number, to: number): string => `fields/ID ge ${from} and fields/ID le ${to}`;

/** The item with this ID (a number), by the same always-indexed column. */
export const idIs = (id: string): string => `fields/ID eq ${Number(id)}`;

/** One item with its fields. */
export const itemQuery = (listPath: string, id: string, select: readonly string[]): string =>
  `${listPath}/items/${id}?$expand=fields($select=${select.join(',')})`;
