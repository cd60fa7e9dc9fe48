import { z } from 'zod';
import { badRequest } from '../http';
import type { ColumnRow, ColumnType } from '../store';

const columnDefinitionSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Column names are letters, digits and _'),
    displayName: z.string().optional(),
    indexed: z.boolean().optional(),
    required: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    text: z.object({ allowMultipleLines: z.boolean().optional(), maxLength: z.number().int().optional() }).optional(),
    choice: z.object({ choices: z.array(z.string()) }).optional(),
    dateTime: z.object({ format: z.enum(['dateOnly', 'dateTime']).optional() }).optional(),
    boolean: z.object({}).optional(),
    number: z.object({}).optional(),
  })
  .refine((c) => [c.text, c.choice, c.dateTime, c.boolean, c.number].filter(Boolean).length === 1, {
    message: 'A column definition names exactly one type: text, choice, dateTime, boolean or number',
  });
export type ColumnDefinition = z.infer<typeof columnDefinitionSchema>;

export function parseColumnDefinition(input: unknown): ColumnRow {
  const parsed = columnDefinitionSchema.safeParse(input);
  if (!parsed.success) throw badRequest(`Invalid column definition: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const c = parsed.data;
  const type: ColumnType = c.text
    ? c.text.allowMultipleLines
      ? 'note'
      : 'text'
    : c.choice
      ? 'choice'
      : c.dateTime
        ? 'dateTime'
        : c.boolean
          ? 'boolean'
          : 'number';
  if (c.enforceUniqueValues && !c.indexed) throw badRequest('A column that enforces unique values must be indexed');
  return {
    name: c.name,
    type,
    indexed: c.indexed ?? false,
    required: c.required ?? false,
    enforceUnique: c.enforceUniqueValues ?? false,
    choices: c.choice?.choices ?? [],
    maxLength: type === 'text' ? (c.text?.maxLength ?? 255) : null,
  };
}

export function columnResource(column: ColumnRow): Record<string, unknown> {
  const facet: Record<ColumnType, Record<string, unknown>> = {
    text: { text: { allowMultipleLines: false, maxLength: column.maxLength } },
    note: { text: { allowMultipleLines: true } },
    choice: { choice: { choices: column.choices } },
    dateTime: { dateTime: { format: 'dateTime' } },
    boolean: { boolean: {} },
    number: { number: {} },
  };
  return {
    id: column.name,
    name: column.name,
    displayName: column.name,
    indexed: column.indexed,
    required: column.required,
    enforceUniqueValues: column.enforceUnique,
    readOnly: false,
    ...facet[column.type],
  };
}

export const titleColumn: ColumnRow = { name: 'Title', type: 'text', indexed: false, required: false, enforceUnique: false, choices: [], maxLength: 255 };
