import type { EmuRequest } from '../http';
import type { ItemRow, ListRow, Store } from '../store';

export const etagOf = (item: ItemRow): string => `"${item.guid},${item.version}"`;

function selectedFields(request: EmuRequest): { expand: boolean; select?: Set<string> } {
  const expand = request.query.get('$expand') ?? '';
  const match = /(?:^|,)\s*fields(?:\(\s*\$select\s*=\s*([^)]*)\))?/i.exec(expand);
  if (!match) return { expand: false };
  return {
    expand: true,
    select: match[1]
      ? new Set(
          match[1]
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        )
      : undefined,
  };
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
