import { z } from 'zod';
import { accessDenied, badRequest, notFound, ok, type Route } from './http';
import { customLevel } from './lists/permissions';
import type { PermissionLevel, RolePermissions, Store, UserRow } from './store';
import { scopesFor } from './scopes';

/**
 * The few SharePoint REST calls provisioning needs that Graph does not offer: breaking a list's permission
 * inheritance, granting a site group a role, and "users may edit only their own items" (WriteSecurity = 2).
 * The site groups stand for the app's roles.
 */
export const siteGroups = [
  { Id: 7, Title: 'Audit Tracker Coordinators', role: 'coordinator' },
  { Id: 8, Title: 'Audit Tracker Recommendation Owners', role: 'owner' },
  { Id: 9, Title: 'Audit Tracker Panel', role: 'panel' },
] as const;
/** The group SharePoint makes with every site, "<site title> Owners", holding Full Control. */
export const siteOwnersGroup = { Id: 3, Title: 'Audit Tracker Owners' } as const;

export const roleDefinitions: Record<number, { name: string; level: PermissionLevel }> = {
  1073741829: { name: 'Full Control', level: 'fullControl' },
  1073741830: { name: 'Edit', level: 'edit' },
  1073741827: { name: 'Contribute', level: 'contribute' },
  1073741826: { name: 'Read', level: 'read' },
};

const roleDefinitionSchema = z.object({
  Name: z.string().min(1),
  Description: z.string().optional(),
  BasePermissions: z.object({ High: z.union([z.string(), z.number()]), Low: z.union([z.string(), z.number()]) }),
});
type CustomDefinition = { Id: number; Name: string; level: PermissionLevel };

const inherited: RolePermissions = { coordinator: 'edit', owner: 'read', panel: 'read' };

export function sharePointRoutes(store: Store): Route[] {
  const list = (id: string) => {
    const found = store.listById(id);
    if (!found) throw notFound(`List '${id}'`);
    return found;
  };
  // Only the site's owner manages permissions: an Edit member (a coordinator) has no ManagePermissions.
  const requireAdmin = (user: UserRow): void => {
    if (!user.siteOwner) throw accessDenied('Only the site owner can change permissions.');
  };
  type Assignment = { PrincipalId: number; RoleDefinitionBindings: { Id: number }[] };
  const assignmentsOf = (listId: string): Assignment[] => JSON.parse(store.meta(`role-assignments:${listId}`, () => '[]')) as Assignment[];
  const recordAssignment = (listId: string, principal: number, roleDef: number): void => {
    const others = assignmentsOf(listId).filter((a) => a.PrincipalId !== principal);
    store.setMeta(`role-assignments:${listId}`, JSON.stringify([...others, { PrincipalId: principal, RoleDefinitionBindings: [{ Id: roleDef }] }]));
  };
  const customDefinitions = (): CustomDefinition[] => JSON.parse(store.meta('role-definitions', () => '[]')) as CustomDefinition[];
  const levelOfDefinition = (id: number): PermissionLevel | undefined => roleDefinitions[id]?.level ?? customDefinitions().find((d) => d.Id === id)?.level;
  return [
    {
      method: 'GET',
      pattern: /^\/web\/roledefinitions$/,
      scopes: scopesFor.readSharePoint,
      handle: () =>
        ok({
          value: [
            ...Object.entries(roleDefinitions).map(([Id, d]) => ({ Id: Number(Id), Name: d.name })),
            ...customDefinitions().map(({ Id, Name }) => ({ Id, Name })),
          ],
        }),
    },
    {
      method: 'POST',
      pattern: /^\/web\/roledefinitions$/,
      scopes: scopesFor.sharePointPermissions,
      handle: (r) => {
        requireAdmin(r.user);
        const body = roleDefinitionSchema.safeParse(r.body);
        if (!body.success) throw badRequest('Send Name and BasePermissions { High, Low }');
        const existing = customDefinitions();
        if (existing.some((d) => d.Name === body.data.Name) || Object.values(roleDefinitions).some((d) => d.name === body.data.Name)) {
          throw badRequest(`A permission level named '${body.data.Name}' already exists`);
        }
        const created = { Id: 1073741925 + existing.length, Name: body.data.Name, level: customLevel(Number(body.data.BasePermissions.Low)) };
        store.setMeta('role-definitions', JSON.stringify([...existing, created]));
        return ok({ Id: created.Id, Name: created.Name }, 201);
      },
    },
    {
      method: 'GET',
      pattern: /^\/web\/sitegroups$/,
      scopes: scopesFor.readSharePoint,
      handle: () => ok({ value: [siteOwnersGroup, ...siteGroups.map(({ Id, Title }) => ({ Id, Title }))] }),
    },
    {
      method: 'GET',
      pattern: /^\/web\/associatedownergroup$/,
      scopes: scopesFor.readSharePoint,
      handle: () => ok(siteOwnersGroup),
    },
    {
      method: 'GET',
      pattern: /^\/web\/lists\(guid'([^']+)'\)\/roleassignments$/,
      scopes: scopesFor.readSharePoint,
      handle: (_r, [id = '']) => ok({ value: assignmentsOf(list(id).id) }),
    },
    {
      method: 'POST',
      pattern: /^\/web\/lists\(guid'([^']+)'\)\/breakroleinheritance\(copyRoleAssignments=(true|false),clearSubscopes=(?:true|false)\)$/,
      scopes: scopesFor.sharePointPermissions,
      handle: (r, [id = '', copy = 'false']) => {
        requireAdmin(r.user);
        const target = list(id);
        const start: RolePermissions = copy === 'true' ? (target.permissions ?? inherited) : { coordinator: 'edit', owner: 'none', panel: 'none' };
        if (copy !== 'true') store.setMeta(`role-assignments:${target.id}`, '[]');
        store.setListSecurity(target.id, start, target.writeSecurity);
        return ok({}, 200);
      },
    },
    {
      method: 'POST',
      pattern: /^\/web\/lists\(guid'([^']+)'\)\/roleassignments\/addroleassignment\(principalid=(\d+),roledefid=(\d+)\)$/,
      scopes: scopesFor.sharePointPermissions,
      handle: (r, [id = '', principal = '', roleDef = '']) => {
        requireAdmin(r.user);
        const target = list(id);
        const group = siteGroups.find((g) => g.Id === Number(principal));
        const level = levelOfDefinition(Number(roleDef));
        if ((!group && Number(principal) !== siteOwnersGroup.Id) || !level) throw badRequest('Unknown principal or role definition');
        recordAssignment(target.id, Number(principal), Number(roleDef));
        // The site's owners hold Full Control everywhere in the emulator already (UserRow.siteOwner).
        if (!group) return ok({}, 200);
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
        requireAdmin(r.user);
        const target = list(id);
        // SharePoint's documented MERGE carries IF-MATCH (the list's version, or * for any).
        if (!r.headers['if-match']) throw badRequest('The IF-MATCH header is required to update the list');
        const body = r.body as { WriteSecurity?: unknown; EnableVersioning?: unknown } | undefined;
        // The emulator's libraries always keep versions; turning versioning on is accepted as it is.
        if (r.headers['x-http-method'] === 'MERGE' && body?.EnableVersioning === true && target.template === 'documentLibrary') return { status: 204 };
        const writeSecurity = body?.WriteSecurity;
        if (r.headers['x-http-method'] !== 'MERGE' || (writeSecurity !== 1 && writeSecurity !== 2)) {
          throw badRequest('Only MERGE of WriteSecurity (1 or 2) or EnableVersioning is supported');
        }
        store.setListSecurity(target.id, target.permissions ?? inherited, writeSecurity);
        return { status: 204 };
      },
    },
  ];
}
