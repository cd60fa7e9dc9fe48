import { z } from 'zod';
import { InvalidRecordError } from '../../../application/ports';

/**
 * Typed mapping between list items and domain records. What comes back from the store is parsed with the
 * domain's schemas: a record that does not fit is reported, never half-used.
 */

export type Fields = Record<string, unknown>;

export const text = (fields: Fields, name: string): string => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
export const optionalText = (fields: Fields, name: string): string | undefined => text(fields, name) || undefined;

export function json(fields: Fields, name: string): unknown {
  const raw = text(fields, name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return { invalidJson: name };
  }
}

export const dateOnly = (fields: Fields, name: string): string | undefined => optionalText(fields, name)?.slice(0, 10);
export const asDateTime = (isoDate: string | undefined): string | null => (isoDate ? `${isoDate}T00:00:00Z` : null);

export function parsed<T>(schema: z.ZodType<T>, value: unknown, record: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidRecordError(
      record,
      result.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`),
    );
  }
  return result.data;
}
