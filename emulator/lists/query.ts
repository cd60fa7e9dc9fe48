import { badRequest, ok, type EmuRequest, type EmuResponse } from '../http';
import { FilterSyntaxError, filterFields, parseFilter, type FilterNode } from '../odata-filter';
import { fieldExpression, type ColumnRow, type ListRow, type Store } from '../store';
import { titleColumn } from './columns';
import { itemResource } from './item-resource';

/** SharePoint's list view threshold: above it, only indexed columns may be filtered or sorted on. */
export const listViewThreshold = 5000;
const defaultPageSize = 200;
const maxPageSize = 5000;
const honorNonIndexed = 'HonorNonIndexedQueriesWarningMayFailRandomly';

const safeName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** SharePoint's item ID: a system field, always indexed, which the store keeps as the item's key. */
const idField = 'ID';
const columnSql = (field: string): string => (field === idField ? 'id' : fieldExpression(field));

/** Field names are checked against the list's columns first, so writing them into SQL is safe. */
function toSql(node: FilterNode, params: unknown[]): string {
  if (node.kind === 'logical') return `(${toSql(node.left, params)} ${node.op.toUpperCase()} ${toSql(node.right, params)})`;
  const column = columnSql(node.field);
  const value = typeof node.value === 'boolean' ? (node.value ? 1 : 0) : node.value;
  if (value === null) return node.op === 'eq' ? `${column} IS NULL` : `${column} IS NOT NULL`;
  if (node.op === 'ne') {
    params.push(value);
    return `(${column} IS NULL OR ${column} != ?)`;
  }
  const sqlOp = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' }[node.op];
  params.push(value);
  return `${column} ${sqlOp} ?`;
}

function checkQueryable(request: EmuRequest, store: Store, list: ListRow, columns: ColumnRow[], names: string[], purpose: 'filter' | 'orderby'): void {
  const byName = new Map([titleColumn, ...columns].map((c) => [c.name, c]));
  const overThreshold = store.itemCount(list.id) > listViewThreshold;
  const prefer = (request.headers['prefer'] ?? '').includes(honorNonIndexed);
  for (const name of names) {
    if (name === idField) continue;
    const column = byName.get(name);
    if (!column || !safeName.test(name)) throw badRequest(`Field '${name}' is not recognized`);
    if (column.indexed) continue;
    if (overThreshold) {
      throw badRequest('The attempted operation is prohibited because it exceeds the list view threshold. Filter or sort on indexed columns only.');
    }
    if (purpose === 'filter' && !prefer) {
      throw badRequest(
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${honorNonIndexed}' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
  }
}

export function pageSize(request: EmuRequest): number {
  const top = request.query.get('$top');
  if (top === null) return defaultPageSize;
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1) throw badRequest('$top must be a positive whole number');
  return Math.min(n, maxPageSize);
}

/** The same request with some query parameters replaced or dropped: for next and delta links. */
export function linkWith(request: EmuRequest, set: Record<string, string>, drop: string[] = []): string {
  const query = new URLSearchParams(request.query);
  for (const name of drop) query.delete(name);
  for (const [name, value] of Object.entries(set)) query.set(name, value);
  return `${request.base}${request.path}?${query.toString()}`;
}

export function listItems(store: Store, request: EmuRequest, list: ListRow): EmuResponse {
  const columns = store.columns(list.id);
  const params: unknown[] = [];
  let where = '';
  const filterText = request.query.get('$filter');
  if (filterText) {
    let tree: FilterNode;
    try {
      tree = parseFilter(filterText);
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw badRequest(`Invalid $filter: ${error.message}`);
      throw error;
    }
    checkQueryable(request, store, list, columns, filterFields(tree), 'filter');
    where = toSql(tree, params);
  }
  const orderParts = (request.query.get('$orderby') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^fields\/([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?$/i.exec(part);
      if (!match?.[1]) throw badRequest(`Unsupported $orderby '${part}'`);
      return { name: match[1], desc: match[2]?.toLowerCase() === 'desc' };
    });
  checkQueryable(
    request,
    store,
    list,
    columns,
    orderParts.map((p) => p.name),
    'orderby',
  );
  const orderBy = [...orderParts.map((p) => `${columnSql(p.name)} ${p.desc ? 'DESC' : 'ASC'}`), 'id ASC'].join(', ');
  const size = pageSize(request);
  const offset = Number(request.query.get('$skiptoken') ?? '0') || 0;
  const rows = store.queryItems(list.id, where, params, orderBy, size + 1, offset);
  const page = rows.slice(0, size);
  return ok({
    '@odata.context': `${request.base}/$metadata#sites('${list.siteId}')/lists('${list.id}')/items`,
    value: page.map((item) => itemResource(store, request, list, item)),
    ...(rows.length > size ? { '@odata.nextLink': linkWith(request, { $skiptoken: String(offset + size) }) } : {}),
  });
}
