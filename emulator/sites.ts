import { z } from 'zod';
import { accessDenied, badRequest, GraphError, notFound, ok, type EmuRequest, type Route } from './http';
import { columnResource, parseColumnDefinition, titleColumn } from './lists/columns';
import { levelOf, requireRead } from './lists/permissions';
import type { ListRow, Store } from './store';
import { scopesFor } from './scopes';

export const emulatorHost = 'northmere.sharepoint.example';

export function siteResolver(store: Store) {
  return (request: EmuRequest, siteId: string): { id: string; hostname: string; path: string; name: string } => {
    const sites = store.sites();
    const site = siteId === 'root' ? sites.find((s) => s.path === '/') : sites.find((s) => s.id === siteId);
    if (!site) throw notFound(`Site '${siteId}'`);
    return site;
  };
}

export function listFinder(store: Store) {
  const site = siteResolver(store);
  return (request: EmuRequest, siteId: string, listId: string): ListRow => {
    const list = store.list(site(request, siteId).id, listId);
    if (!list) throw notFound(`The list '${listId}'`);
    requireRead(list, request.user);
    return list;
  };
}

export function siteResource(request: EmuRequest, site: { id: string; hostname: string; path: string; name: string }): unknown {
  const origin = request.base.replace(/\/v1\.0$/, '');
  return {
    '@odata.context': `${request.base}/$metadata#sites/$entity`,
    id: site.id,
    name: site.name,
    displayName: site.name,
    webUrl: `${origin}${site.path === '/' ? '' : site.path}`,
    siteCollection: { hostname: site.hostname },
    root: site.path === '/' ? {} : undefined,
  };
}

export function listResource(request: EmuRequest, list: ListRow): Record<string, unknown> {
  return {
    '@odata.etag': `"${list.id},1"`,
    id: list.id,
    name: list.name,
    displayName: list.displayName,
    createdDateTime: list.created,
    webUrl: `${request.base.replace(/\/v1\.0$/, '')}/Lists/${list.name}`,
    list: { template: list.template, hidden: false, contentTypesEnabled: false },
    parentReference: { siteId: list.siteId },
  };
}

const createListSchema = z.object({
  displayName: z.string().trim().min(1).max(255),
  columns: z.array(z.unknown()).optional(),
  list: z.object({ template: z.enum(['genericList', 'documentLibrary']).optional() }).optional(),
});

export function siteRoutes(store: Store): Route[] {
  const site = siteResolver(store);
  const findList = listFinder(store);
  const requireManage = (request: EmuRequest): void => {
    if (request.user.role !== 'coordinator') throw accessDenied();
  };
  return [
    { method: 'GET', pattern: /^\/sites\/root$/, scopes: scopesFor.readSites, handle: (r) => ok(siteResource(r, site(r, 'root'))) },
    {
      method: 'GET',
      pattern: /^\/sites\/([^/:]+):(\/[^:]*?):?$/,
      scopes: scopesFor.readSites,
      handle: (r, [hostname = '', path = '']) => {
        const found = store.sites().find((s) => s.hostname === hostname && s.path === path.replace(/\/$/, ''));
        if (!found) throw notFound(`Site '${hostname}:${path}'`);
        return ok(siteResource(r, found));
      },
    },
    { method: 'GET', pattern: /^\/sites\/([^/]+)$/, scopes: scopesFor.readSites, handle: (r, [id = '']) => ok(siteResource(r, site(r, id))) },
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/lists$/,
      scopes: scopesFor.readSites,
      handle: (r, [id = '']) => {
        const lists = store.lists(site(r, id).id).filter((list) => levelOf(list, r.user) !== 'none');
        return ok({ '@odata.context': `${r.base}/$metadata#lists`, value: lists.map((list) => listResource(r, list)) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/sites\/([^/]+)\/lists$/,
      scopes: scopesFor.manageLists,
      handle: (r, [id = '']) => {
        requireManage(r);
        const parsed = createListSchema.safeParse(r.body);
        if (!parsed.success) throw badRequest(`Invalid list: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        const siteId = site(r, id).id;
        const name = parsed.data.displayName.replace(/[^A-Za-z0-9]/g, '');
        if (store.list(siteId, name) || store.list(siteId, parsed.data.displayName)) {
          throw new GraphError(409, 'nameAlreadyExists', `A list named '${parsed.data.displayName}' already exists`);
        }
        const columns = (parsed.data.columns ?? []).map(parseColumnDefinition);
        const names = new Set<string>();
        for (const column of columns) {
          if (names.has(column.name) || column.name === 'Title') throw badRequest(`Duplicate column '${column.name}'`);
          names.add(column.name);
        }
        const list = store.createList(siteId, name, parsed.data.displayName, parsed.data.list?.template ?? 'genericList', columns);
        return ok(listResource(r, list), 201);
      },
    },
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)$/,
      scopes: scopesFor.readSites,
      handle: (r, [s = '', l = '']) => ok(listResource(r, findList(r, s, l))),
    },
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/,
      scopes: scopesFor.readSites,
      handle: (r, [s = '', l = '']) => {
        const list = findList(r, s, l);
        return ok({ value: [titleColumn, ...store.columns(list.id)].map(columnResource) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/,
      scopes: scopesFor.manageLists,
      handle: (r, [s = '', l = '']) => {
        requireManage(r);
        const list = findList(r, s, l);
        const column = parseColumnDefinition(r.body);
        if (column.name === 'Title' || store.columns(list.id).some((c) => c.name === column.name)) {
          throw new GraphError(409, 'nameAlreadyExists', `A column named '${column.name}' already exists`);
        }
        store.addColumn(list.id, column);
        return ok(columnResource(column), 201);
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns\/([^/]+)$/,
      scopes: scopesFor.manageLists,
      handle: (r, [s = '', l = '', name = '']) => {
        requireManage(r);
        const list = findList(r, s, l);
        const change = z
          .object({ indexed: z.boolean().optional(), choice: z.object({ choices: z.array(z.string()) }).optional() })
          .strict()
          .safeParse(r.body);
        if (!change.success) throw badRequest('Only indexed and choice can be changed on a column here');
        const column = store.columns(list.id).find((c) => c.name === name);
        if (!column) throw notFound(`Column '${name}'`);
        if (change.data.choice && column.type !== 'choice') throw badRequest(`Column '${name}' is not a choice column`);
        const update = { indexed: change.data.indexed, choices: change.data.choice?.choices };
        store.updateColumn(list.id, name, update);
        return ok(columnResource({ ...column, indexed: update.indexed ?? column.indexed, choices: update.choices ?? column.choices }));
      },
    },
  ];
}
