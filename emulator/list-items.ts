import { z } from 'zod';
import { accessDenied, badRequest, GraphError, notFound, ok, type EmuRequest, type EmuResponse, type Route } from './http';
import { FilterSyntaxError, filterFields, parseFilter, type FilterNode } from './odata-filter';
import { fieldExpression, type ColumnRow, type ColumnType, type ItemRow, type ListRow, type PermissionLevel, type RolePermissions, type Store, type UserRow } from './store';
import { scopesFor } from './scopes';

/** SharePoint's list view threshold: above it, only indexed columns may be filtered or sorted on. */
export const listViewThreshold = 5000;
const defaultPageSize = 200;
const maxPageSize = 5000;
const honorNonIndexed = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** Before provisioning sets list permissions, lists inherit the site's: coordinators own the site, others read. */
const sitePermissions: RolePermissions = { coordinator: 'edit', owner: 'read', panel: 'read' };

export const levelOf = (list: ListRow, user: UserRow): PermissionLevel => (list.permissions ?? sitePermissions)[user.role];

export function requireRead(list: ListRow, user: UserRow): void {
  if (levelOf(list, user) === 'none') throw notFound(`The list '${list.displayName}'`);
}

export function requireCreate(list: ListRow, user: UserRow): void {
  requireRead(list, user);
  const level = levelOf(list, user);
  if (level !== 'edit' && level !== 'contribute') throw accessDenied();
}

function requireModify(list: ListRow, item: ItemRow, user: UserRow): void {
  requireCreate(list, user);
  if (levelOf(list, user) === 'contribute' && list.writeSecurity === 2 && item.createdBy !== user.email) {
    throw accessDenied('You can only edit items that you created in this list.');
  }
}

// Columns

const columnDefinitionSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Column names are letters, digits and _'),
    displayName: z.string().optional(),
    indexed: z.boolean().optional(),
    required: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    text: z.object({ allowMultipleLines: z.boolean().optional(), maxLength: z.number().int().optional() }).optional(),
    choice: z.object({ choices: z.array(z.string()) }).optional(),
    dateTime: z.object({ format: z.enum(['dateOnly', 'dateTime']).optional() }).optional(),
    boolean: z.object({}).optional(),
    number: z.object({}).optional(),
  })
  .refine((c) => [c.text, c.choice, c.dateTime, c.boolean, c.number].filter(Boolean).length === 1, {
    message: 'A column definition names exactly one type: text, choice, dateTime, boolean or number',
  });
export type ColumnDefinition = z.infer<typeof columnDefinitionSchema>;

export function parseColumnDefinition(input: unknown): ColumnRow {
  const parsed = columnDefinitionSchema.safeParse(input);
  if (!parsed.success) throw badRequest(`Invalid column definition: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const c = parsed.data;
  const type: ColumnType = c.text ? (c.text.allowMultipleLines ? 'note' : 'text') : c.choice ? 'choice' : c.dateTime ? 'dateTime' : c.boolean ? 'boolean' : 'number';
  if (c.enforceUniqueValues && !c.indexed) throw badRequest('A column that enforces unique values must be indexed');
  return {
    name: c.name,
    type,
    indexed: c.indexed ?? false,
    required: c.required ?? false,
    enforceUnique: c.enforceUniqueValues ?? false,
    choices: c.choice?.choices ?? [],
    maxLength: type === 'text' ? (c.text?.maxLength ?? 255) : null,
  };
}

export function columnResource(column: ColumnRow): Record<string, unknown> {
  const facet: Record<ColumnType, Record<string, unknown>> = {
    text: { text: { allowMultipleLines: false, maxLength: column.maxLength } },
    note: { text: { allowMultipleLines: true } },
    choice: { choice: { choices: column.choices } },
    dateTime: { dateTime: { format: 'dateTime' } },
    boolean: { boolean: {} },
    number: { number: {} },
  };
  return {
    id: column.name,
    name: column.name,
    displayName: column.name,
    indexed: column.indexed,
    required: column.required,
    enforceUniqueValues: column.enforceUnique,
    readOnly: false,
    ...facet[column.type],
  };
}

export const titleColumn: ColumnRow = { name: 'Title', type: 'text', indexed: false, required: false, enforceUnique: false, choices: [], maxLength: 255 };

// Field values

const systemFields = new Set(['id', 'ID', 'Created', 'Modified', 'ContentType', '@odata.etag', 'AuthorLookupId', 'EditorLookupId']);

function normaliseValue(column: ColumnRow, value: unknown): unknown {
  if (value === null) {
    if (column.required) throw badRequest(`Field '${column.name}' is required`);
    return null;
  }
  const wrong = (): never => {
    throw badRequest(`Invalid value for field '${column.name}' of type ${column.type}`);
  };
  switch (column.type) {
    case 'text':
      if (typeof value !== 'string') wrong();
      if ((value as string).length > (column.maxLength ?? 255)) {
        throw badRequest(`The value of field '${column.name}' exceeds the maximum length of ${column.maxLength ?? 255} characters`);
      }
      return value;
    case 'note':
      return typeof value === 'string' ? value : wrong();
    case 'choice':
      if (typeof value !== 'string' || !column.choices.includes(value)) {
        throw badRequest(`'${String(value)}' is not a valid choice for field '${column.name}'`);
      }
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrong();
    case 'dateTime': {
      const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(time) ? wrong() : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
  }
}

function validateFields(columns: ColumnRow[], input: unknown, creating: boolean): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badRequest('fields must be an object');
  const byName = new Map([titleColumn, ...columns].map((c) => [c.name, c]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name.startsWith('@odata')) continue;
    if (systemFields.has(name)) throw badRequest(`Field '${name}' is read-only`);
    const column = byName.get(name);
    if (!column) throw badRequest(`Field '${name}' is not recognized`);
    out[name] = normaliseValue(column, value);
  }
  if (creating) {
    for (const column of columns) {
      if (column.required && (out[column.name] === undefined || out[column.name] === null)) {
        throw badRequest(`Field '${column.name}' is required`);
      }
    }
  }
  return out;
}

function enforceUnique(store: Store, list: ListRow, columns: ColumnRow[], fields: Record<string, unknown>, exceptId?: number): void {
  for (const column of columns) {
    const value = fields[column.name];
    if (!column.enforceUnique || value === undefined || value === null) continue;
    const clash = store.queryItems(list.id, `${fieldExpression(column.name)} = ? AND id != ?`, [value, exceptId ?? -1], 'id', 1, 0);
    if (clash.length > 0) {
      throw new GraphError(409, 'nameAlreadyExists', `An item with the same value in the unique column '${column.name}' already exists`);
    }
  }
}

// Representation

export const etagOf = (item: ItemRow): string => `"${item.guid},${item.version}"`;

function selectedFields(request: EmuRequest): { expand: boolean; select?: Set<string> } {
  const expand = request.query.get('$expand') ?? '';
  const match = /(?:^|,)\s*fields(?:\(\s*\$select\s*=\s*([^)]*)\))?/i.exec(expand);
  if (!match) return { expand: false };
  return { expand: true, select: match[1] ? new Set(match[1].split(',').map((s) => s.trim()).filter(Boolean)) : undefined };
}

function person(store: Store, email: string): Record<string, unknown> {
  const user = store.userByEmail(email);
  return { user: { email, displayName: user?.name ?? email, id: user?.id } };
}

export function itemResource(store: Store, request: EmuRequest, list: ListRow, item: ItemRow): Record<string, unknown> {
  const { expand, select } = selectedFields(request);
  const base: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: String(item.id),
    eTag: etagOf(item),
    createdDateTime: item.createdAt,
    lastModifiedDateTime: item.modifiedAt,
    webUrl: `${request.base.replace(/\/v1\.0$/, '')}/sites/lists/${list.name}/DispForm.aspx?ID=${item.id}`,
    createdBy: person(store, item.createdBy),
    lastModifiedBy: person(store, item.modifiedBy),
    parentReference: { id: list.id, siteId: list.siteId },
    contentType: { id: '0x0100', name: 'Item' },
  };
  if (!expand) return base;
  const all: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: String(item.id),
    ...item.fields,
    Created: item.createdAt,
    Modified: item.modifiedAt,
    ContentType: 'Item',
  };
  const fields = select ? Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || select.has(k))) : all;
  return { ...base, fields };
}

// Queries

const safeName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Field names are checked against the list's columns first, so writing them into SQL is safe. */
function toSql(node: FilterNode, params: unknown[]): string {
  if (node.kind === 'logical') return `(${toSql(node.left, params)} ${node.op.toUpperCase()} ${toSql(node.right, params)})`;
  const column = fieldExpression(node.field);
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
    const column = byName.get(name);
    if (!column || !safeName.test(name)) throw badRequest(`Field '${name}' is not recognized`);
    if (column.indexed) continue;
    if (overThreshold) {
      throw badRequest(
        'The attempted operation is prohibited because it exceeds the list view threshold. Filter or sort on indexed columns only.',
      );
    }
    if (purpose === 'filter' && !prefer) {
      throw badRequest(
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${honorNonIndexed}' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
  }
}

function pageSize(request: EmuRequest): number {
  const top = request.query.get('$top');
  if (top === null) return defaultPageSize;
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1) throw badRequest('$top must be a positive whole number');
  return Math.min(n, maxPageSize);
}

/** The same request with some query parameters replaced or dropped: for next and delta links. */
function linkWith(request: EmuRequest, set: Record<string, string>, drop: string[] = []): string {
  const query = new URLSearchParams(request.query);
  for (const name of drop) query.delete(name);
  for (const [name, value] of Object.entries(set)) query.set(name, value);
  return `${request.base}${request.path}?${query.toString()}`;
}

function listItems(store: Store, request: EmuRequest, list: ListRow): EmuResponse {
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
  checkQueryable(request, store, list, columns, orderParts.map((p) => p.name), 'orderby');
  const orderBy = [...orderParts.map((p) => `${fieldExpression(p.name)} ${p.desc ? 'DESC' : 'ASC'}`), 'id ASC'].join(', ');
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

function delta(store: Store, request: EmuRequest, list: ListRow): EmuResponse {
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
  const value = page.map((item) =>
    item.deleted ? { id: String(item.id), deleted: { state: 'deleted' } } : itemResource(store, request, list, item),
  );
  const more = rows.length > size;
  const link = more
    ? { '@odata.nextLink': linkWith(request, { $skiptoken: `${offset + size}:${since}:${until}` }) }
    : { '@odata.deltaLink': linkWith(request, { token: String(until) }, ['$skiptoken']) };
  return ok({ '@odata.context': `${request.base}/$metadata#Collection(listItem)`, value, ...link });
}

function ifMatch(request: EmuRequest, item: ItemRow): void {
  const header = request.headers['if-match'];
  if (!header || header.trim() === '*') return;
  const strip = (s: string): string => s.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  if (strip(header) !== strip(etagOf(item))) {
    throw new GraphError(412, 'preconditionFailed', 'The item has changed since it was read (eTag mismatch)', { ETag: etagOf(item) });
  }
}

export function listItemRoutes(store: Store, findList: (request: EmuRequest, siteId: string, listId: string) => ListRow): Route[] {
  const itemOf = (list: ListRow, id: string): ItemRow => {
    const item = /^\d+$/.test(id) ? store.item(list.id, Number(id)) : undefined;
    if (!item) throw notFound(`Item ${id}`);
    return item;
  };
  const prefix = String.raw`^/sites/([^/]+)/lists/([^/]+)/items`;
  const updateFields = (request: EmuRequest, site: string, listId: string, id: string, body: unknown): { list: ListRow; item: ItemRow } => {
    const list = findList(request, site, listId);
    const existing = itemOf(list, id);
    requireModify(list, existing, request.user);
    ifMatch(request, existing);
    const columns = store.columns(list.id);
    const change = validateFields(columns, body, false);
    const merged = { ...existing.fields, ...change };
    return store.transaction(() => {
      enforceUnique(store, list, columns, change, existing.id);
      return { list, item: store.updateItem(list.id, existing.id, merged, request.user.email) };
    });
  };
  return [
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/delta$`),
      scopes: scopesFor.readSites,
      handle: (request, [site = '', listId = '']) => {
        const list = findList(request, site, listId);
        requireRead(list, request.user);
        return delta(store, request, list);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}$`),
      scopes: scopesFor.readSites,
      handle: (request, [site = '', listId = '']) => {
        const list = findList(request, site, listId);
        requireRead(list, request.user);
        return listItems(store, request, list);
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${prefix}$`),
      scopes: scopesFor.writeItems,
      handle: (request, [site = '', listId = '']) => {
        const list = findList(request, site, listId);
        requireCreate(list, request.user);
        const body = request.body as { fields?: unknown } | undefined;
        const columns = store.columns(list.id);
        const fields = validateFields(columns, body?.fields ?? {}, true);
        const item = store.transaction(() => {
          enforceUnique(store, list, columns, fields);
          return store.insertItem(list.id, fields, request.user.email);
        });
        return ok(itemResource(store, { ...request, query: new URLSearchParams('$expand=fields') }, list, item), 201, {
          ETag: etagOf(item),
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/([^/]+)$`),
      scopes: scopesFor.readSites,
      handle: (request, [site = '', listId = '', id = '']) => {
        const list = findList(request, site, listId);
        requireRead(list, request.user);
        const item = itemOf(list, id);
        return ok(itemResource(store, request, list, item), 200, { ETag: etagOf(item) });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/([^/]+)/fields$`),
      scopes: scopesFor.readSites,
      handle: (request, [site = '', listId = '', id = '']) => {
        const list = findList(request, site, listId);
        requireRead(list, request.user);
        const item = itemOf(list, id);
        const resource = itemResource(store, { ...request, query: new URLSearchParams('$expand=fields') }, list, item);
        return ok(resource.fields, 200, { ETag: etagOf(item) });
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`${prefix}/([^/]+)/fields$`),
      scopes: scopesFor.writeItems,
      handle: (request, [site = '', listId = '', id = '']) => {
        const { list, item } = updateFields(request, site, listId, id, request.body);
        const resource = itemResource(store, { ...request, query: new URLSearchParams('$expand=fields') }, list, item);
        return ok(resource.fields, 200, { ETag: etagOf(item) });
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`${prefix}/([^/]+)$`),
      scopes: scopesFor.writeItems,
      handle: (request, [site = '', listId = '', id = '']) => {
        const body = request.body as { fields?: unknown } | undefined;
        const { list, item } = updateFields(request, site, listId, id, body?.fields ?? {});
        return ok(itemResource(store, { ...request, query: new URLSearchParams('$expand=fields') }, list, item), 200, { ETag: etagOf(item) });
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`${prefix}/([^/]+)$`),
      scopes: scopesFor.writeItems,
      handle: (request, [site = '', listId = '', id = '']) => {
        const list = findList(request, site, listId);
        const item = itemOf(list, id);
        requireModify(list, item, request.user);
        ifMatch(request, item);
        store.deleteItem(list.id, item.id, request.user.email);
        return { status: 204 };
      },
    },
  ];
}
