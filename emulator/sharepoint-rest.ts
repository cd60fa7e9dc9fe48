import { accessDenied, badRequest, notFound, ok, type Route } from './http';
import type { PermissionLevel, RolePermissions, Store } from './store';
import { scopesFor } from './scopes';

/**
 * The few SharePoint REST calls provisioning needs that Graph does not offer: breaking a list's permission
 * inheritance, granting a site group a role, and "users may edit only their own items" (WriteSecurity = 2).
 * The site groups stand for the app's roles.
 */
export const siteGroups = [
  { Id: 7, Title: 'Audit Tracker Coordinators', role: 'coordinator' },
  { Id: 8, Title: 'Audit Tracker Owners', role: 'owner' },
  { Id: 9, Title: 'Audit Tracker Panel', role: 'panel' },
] as const;

export const roleDefinitions: Record<number, PermissionLevel> = {
  1073741829: 'edit', // Full Control
  1073741830: 'edit', // Edit
  1073741827: 'contribute', // Contribute
  1073741826: 'read', // Read
};

const inherited: RolePermissions = { coordinator: 'edit', owner: 'read', panel: 'read' };

export function sharePointRoutes(store: Store): Route[] {
  const list = (id: string) => {
    const found = store.listById(id);
    if (!found) throw notFound(`List '${id}'`);
    return found;
  };
  const requireAdmin = (role: string): void => {
    if (role !== 'coordinator') throw accessDenied();
  };
  return [
    {
      method: 'GET',
      pattern: /^\/web\/sitegroups$/,
      scopes: scopesFor.readSharePoint,
      handle: () => ok({ value: siteGroups.map(({ Id, Title }) => ({ Id, Title })) }),
    },
    {
      method: 'POST',
      pattern: /^\/web\/lists\(guid'([^']+)'\)\/breakroleinheritance\(copyRoleAssignments=(true|false),clearSubscopes=(?:true|false)\)$/,
      scopes: scopesFor.sharePointPermissions,
      handle: (r, [id = '', copy = 'false']) => {
        requireAdmin(r.user.role);
        const target = list(id);
        const start: RolePermissions = copy === 'true' ? (target.permissions ?? inherited) : { coordinator: 'edit', owner: 'none', panel: 'none' };
        store.setListSecurity(target.id, start, target.writeSecurity);
        return ok({}, 200);
      },
    },
    {
      method: 'POST',
      pattern: /^\/web\/lists\(guid'([^']+)'\)\/roleassignments\/addroleassignment\(principalid=(\d+),roledefid=(\d+)\)$/,
      scopes: scopesFor.sharePointPermissions,
      handle: (r, [id = '', principal = '', roleDef = '']) => {
        requireAdmin(r.user.role);
        const target = list(id);
        const group = siteGroups.find((g) => g.Id === Number(principal));
        const level = roleDefinitions[Number(roleDef)];
        if (!group || !level) throw badRequest('Unknown principal or role definition');
        const current = target.permissions ?? inherited;
        store.setListSecurity(target.id, { ...current, [group.role]: level }, target.writeSecurity);
        return ok({}, 200);
      },
    },
    {
      method: 'POST',
      pattern: /^\/web\/lists\(guid'([^']+)'\)$/,
      scopes: scopesFor.manageSharePointLists,
      handle: (r, [id = '']) => {
        requireAdmin(r.user.role);
        const target = list(id);
        const writeSecurity = (r.body as { WriteSecurity?: unknown } | undefined)?.WriteSecurity;
        if (r.headers['x-http-method'] !== 'MERGE' || (writeSecurity !== 1 && writeSecurity !== 2)) {
          throw badRequest('Only MERGE of WriteSecurity (1 or 2) is supported');
        }
        store.setListSecurity(target.id, target.permissions ?? inherited, writeSecurity);
        return { status: 204 };
      },
    },
  ];
}
