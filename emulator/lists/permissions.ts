import { accessDenied, notFound } from '../http';
import type { ItemRow, ListRow, PermissionLevel, RolePermissions, UserRow } from '../store';

/** What a permission level lets its holder do to a list's items, as SharePoint's base permissions do. */
export type Right = 'view' | 'add' | 'edit' | 'delete' | 'manageLists';

/** SharePoint's base permission bits (the low word of SPBasePermissions) the emulator honours. */
export const baseRightBits: Record<Exclude<Right, 'manageLists'>, number> = { view: 0x1, add: 0x2, edit: 0x4, delete: 0x8 };
const manageListsBit = 0x800;

const namedLevels: Record<string, Right[]> = {
  fullControl: ['view', 'add', 'edit', 'delete', 'manageLists'],
  edit: ['view', 'add', 'edit', 'delete', 'manageLists'],
  contribute: ['view', 'add', 'edit', 'delete'],
  read: ['view'],
  none: [],
};

/** A custom permission level, stored as the rights its base permissions carry. */
export const customLevel = (low: number): PermissionLevel => {
  const rights = (Object.entries(baseRightBits) as [Right, number][]).filter(([, bit]) => (low & bit) !== 0).map(([right]) => right);
  return `custom:${[...rights, ...((low & manageListsBit) !== 0 ? ['manageLists'] : [])].join(',')}`;
};

export function rightsOf(level: PermissionLevel): ReadonlySet<Right> {
  if (level.startsWith('custom:')) return new Set(level.slice('custom:'.length).split(',').filter(Boolean) as Right[]);
  return new Set(namedLevels[level] ?? []);
}

/** Before provisioning sets list permissions, lists inherit the site's: coordinators edit the site, others read. */
const sitePermissions: RolePermissions = { coordinator: 'edit', owner: 'read', panel: 'read' };

export const levelOf = (list: ListRow, user: UserRow): PermissionLevel => (user.siteOwner ? 'fullControl' : (list.permissions ?? sitePermissions)[user.role]);
const can = (list: ListRow, user: UserRow, right: Right): boolean => rightsOf(levelOf(list, user)).has(right);

export function requireRead(list: ListRow, user: UserRow): void {
  if (!can(list, user, 'view')) throw notFound(`The list '${list.displayName}'`);
}

export function requireCreate(list: ListRow, user: UserRow): void {
  requireRead(list, user);
  if (!can(list, user, 'add')) throw accessDenied();
}

/** Item-level write security ("edit only your own") binds everyone who cannot manage the list, as in SharePoint. */
function requireOwnItem(list: ListRow, item: ItemRow, user: UserRow): void {
  if (list.writeSecurity === 2 && !can(list, user, 'manageLists') && item.createdBy !== user.email) {
    throw accessDenied('You can only edit items that you created in this list.');
  }
}

export function requireModify(list: ListRow, item: ItemRow, user: UserRow): void {
  requireRead(list, user);
  if (!can(list, user, 'edit')) throw accessDenied();
  requireOwnItem(list, item, user);
}

export function requireDelete(list: ListRow, item: ItemRow, user: UserRow): void {
  requireRead(list, user);
  if (!can(list, user, 'delete')) throw accessDenied();
  requireOwnItem(list, item, user);
}

/** Replacing a library file's content is editing it: adding rights alone cannot. */
export function requireReplace(list: ListRow, user: UserRow): void {
  requireRead(list, user);
  if (!can(list, user, 'edit')) throw accessDenied('You cannot replace a file in this library: you may only add new ones.');
}
