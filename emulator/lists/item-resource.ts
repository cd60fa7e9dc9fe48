import type { EmuRequest } from '../http';
import type { ItemRow, ListRow, Store } from '../store';

export const etagOf = (item: ItemRow): string => `"${item.guid},${item.version}"`;

interface Shape {
  expand: boolean;
  /** The fields asked for in $expand=fields($select=…); all when undefined. */
  select?: Set<string>;
  /** The item's own properties asked for in $select; all when undefined. */
  properties?: Set<string>;
  /** Each person once per answer: a page of 5,000 items names the same few people thousands of times. */
  people: Map<string, Record<string, unknown>>;
}

const names = (text: string): Set<string> =>
  new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

// Read once per request, not once per item of its page.
const shapes = new WeakMap<EmuRequest, Shape>();

function shapeOf(request: EmuRequest): Shape {
  const known = shapes.get(request);
  if (known) return known;
  const expand = request.query.get('$expand') ?? '';
  const match = /(?:^|,)\s*fields(?:\(\s*\$select\s*=\s*([^)]*)\))?/i.exec(expand);
  const select = request.query.get('$select');
  const shape: Shape = {
    expand: Boolean(match),
    select: match?.[1] ? names(match[1]) : undefined,
    properties: select ? names(select) : undefined,
    people: new Map(),
  };
  shapes.set(request, shape);
  return shape;
}

function person(store: Store, shape: Shape, email: string): Record<string, unknown> {
  const known = shape.people.get(email);
  if (known) return known;
  const user = store.userByEmail(email);
  const resource = { user: { email, displayName: user?.name ?? email, id: user?.id } };
  shape.people.set(email, resource);
  return resource;
}

export function itemResource(store: Store, request: EmuRequest, list: ListRow, item: ItemRow): Record<string, unknown> {
  const shape = shapeOf(request);
  const { expand, select, properties } = shape;
  const every: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: String(item.id),
    eTag: etagOf(item),
    createdDateTime: item.createdAt,
    lastModifiedDateTime: item.modifiedAt,
    webUrl: `${request.base.replace(/\/v1\.0$/, '')}/sites/lists/${list.name}/DispForm.aspx?ID=${item.id}`,
    createdBy: person(store, shape, item.createdBy),
    lastModifiedBy: person(store, shape, item.modifiedBy),
    parentReference: { id: list.id, siteId: list.siteId },
    contentType: { id: '0x0100', name: 'Item' },
  };
  // Graph answers $select with the properties named, and the eTag always.
  const base = properties ? Object.fromEntries(Object.entries(every).filter(([k]) => k === '@odata.etag' || properties.has(k))) : every;
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
