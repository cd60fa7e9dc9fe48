import { GraphError, notFound, ok, type EmuRequest, type Route } from '../http';
import type { ItemRow, ListRow, Store } from '../store';
import { scopesFor } from '../scopes';
import { delta } from './delta';
import { enforceUnique, validateFields } from './fields';
import { etagOf, itemResource } from './item-resource';
import { requireCreate, requireDelete, requireModify, requireRead } from './permissions';
import { listItems } from './query';

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
        requireDelete(list, item, request.user);
        ifMatch(request, item);
        store.deleteItem(list.id, item.id, request.user.email);
        return { status: 204 };
      },
    },
  ];
}
