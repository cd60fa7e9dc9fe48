import { accessDenied, notFound } from '../http';
import type { ItemRow, ListRow, PermissionLevel, RolePermissions, UserRow } from '../store';

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

export function requireModify(list: ListRow, item: ItemRow, user: UserRow): void {
  requireCreate(list, user);
  if (levelOf(list, user) === 'contribute' && list.writeSecurity === 2 && item.createdBy !== user.email) {
    throw accessDenied('You can only edit items that you created in this list.');
  }
}
