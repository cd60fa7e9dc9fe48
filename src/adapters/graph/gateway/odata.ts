/** SharePoint answers at most 5,000 items a page; asking for that saves round trips over the default 200. */
export const pageSize = 5000;

const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** `fields/<name> eq '<value>'`, the value quoted as OData wants. */
export const eq = (field: string, value: string): string => `fields/${field} eq ${odataString(value)}`;

/** A list's items with their fields (always `$select`ed), filtered and sorted on indexed columns. */
export function itemsQuery(listPath: string, options: { select: readonly string[]; filter?: string; orderby?: string; top?: number }): string {
  const query = new URLSearchParams({ $expand: `fields($select=${options.select.join(',')})`, $top: String(options.top ?? pageSize) });
  if (options.filter) query.set('$filter', options.filter);
  if (options.orderby) query.set('$orderby', options.orderby);
  return `${listPath}/items?${query.toString()}`;
}

/** A list's delta feed, from the start. */
export function deltaQuery(listPath: string, select: readonly string[]): string {
  const query = new URLSearchParams({ $expand: `fields($select=${select.join(',')})`, $top: String(pageSize) });
  return `${listPath}/items/delta?${query.toString()}`;
}

/** One item with its fields. */
export const itemQuery = (listPath: string, id: string, select: readonly string[]): string =>
  `${listPath}/items/${id}?$expand=fields($select=${select.join(',')})`;
