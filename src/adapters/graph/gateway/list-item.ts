import { z } from 'zod';

/**
 * A SharePoint list item as the stores use it: its id, its version, its fields, and what SharePoint itself
 * stamps on it (who created it, and when), which no caller can set.
 */
export interface ListItem {
  id: string;
  etag: string;
  fields: Record<string, unknown>;
  createdBy?: { email: string; name: string };
  createdAt?: string;
}

const itemSchema = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  createdDateTime: z.string().optional(),
  createdBy: z.object({ user: z.object({ email: z.string().optional(), displayName: z.string().optional() }).optional() }).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  deleted: z.object({ state: z.string().optional() }).optional(),
});

const pageSchema = z.object({
  value: z.array(itemSchema),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
export type Page = z.infer<typeof pageSchema>;
export type RawItem = z.infer<typeof itemSchema>;

export function toListItem(raw: RawItem): ListItem {
  return {
    id: raw.id,
    etag: raw['@odata.etag'] ?? raw.eTag ?? '',
    fields: raw.fields ?? {},
    createdBy: raw.createdBy?.user?.email ? { email: raw.createdBy.user.email, name: raw.createdBy.user.displayName ?? raw.createdBy.user.email } : undefined,
    createdAt: raw.createdDateTime,
  };
}

/** A page of items as Graph answers it, checked before anything reads it. */
export const parsePage = (body: unknown): Page => pageSchema.parse(body);
export const parseItem = (body: unknown): ListItem => toListItem(itemSchema.parse(body));

const isoDateTime = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

/** Whether a stored field holds what we sent; SharePoint returns date-times normalised (no milliseconds). */
export function sameFieldValue(stored: unknown, sent: unknown): boolean {
  const [a, b] = [stored ?? null, sent ?? null];
  if (a === b) return true;
  return (
    typeof a === 'string' &&
    typeof b === 'string' &&
    isoDateTime.test(a) &&
    isoDateTime.test(b) &&
    Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000)
  );
}

/** Whether a stored item already holds every one of these fields: writing them again would change nothing. */
export const holdsFields = (item: ListItem, fields: Record<string, unknown>): boolean =>
  Object.entries(fields).every(([name, value]) => sameFieldValue(item.fields[name], value));
