import { badRequest, GraphError } from '../http';
import { titleColumn } from './columns';
import { fieldExpression, type ColumnRow, type ListRow, type Store } from '../store';

const systemFields = new Set(['id', 'ID', 'Created', 'Modified', 'ContentType', '@odata.etag', 'AuthorLookupId', 'EditorLookupId']);

function normaliseValue(column: ColumnRow, value: unknown): unknown {
  if (value === null) {
    if (column.required) throw badRequest(`Field '${column.name}' is required`);
    return null;
  }
  const wrong = (): never => {
    throw badRequest(`Invalid value for field '${column.name}' of type ${column.type}`);
  };
  switch (column.type) {
    case 'text':
      if (typeof value !== 'string') wrong();
      if ((value as string).length > (column.maxLength ?? 255)) {
        throw badRequest(`The value of field '${column.name}' exceeds the maximum length of ${column.maxLength ?? 255} characters`);
      }
      return value;
    case 'note':
      return typeof value === 'string' ? value : wrong();
    case 'choice':
      if (typeof value !== 'string' || !column.choices.includes(value)) {
        throw badRequest(`'${String(value)}' is not a valid choice for field '${column.name}'`);
      }
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrong();
    case 'dateTime': {
      const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(time) ? wrong() : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
  }
}

export function validateFields(columns: ColumnRow[], input: unknown, creating: boolean): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badRequest('fields must be an object');
  const byName = new Map([titleColumn, ...columns].map((c) => [c.name, c]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name.startsWith('@odata')) continue;
    if (systemFields.has(name)) throw badRequest(`Field '${name}' is read-only`);
    const column = byName.get(name);
    if (!column) throw badRequest(`Field '${name}' is not recognized`);
    out[name] = normaliseValue(column, value);
  }
  if (creating) {
    for (const column of columns) {
      if (column.required && (out[column.name] === undefined || out[column.name] === null)) {
        throw badRequest(`Field '${column.name}' is required`);
      }
    }
  }
  return out;
}

export function enforceUnique(store: Store, list: ListRow, columns: ColumnRow[], fields: Record<string, unknown>, exceptId?: number): void {
  for (const column of columns) {
    const value = fields[column.name];
    if (!column.enforceUnique || value === undefined || value === null) continue;
    const clash = store.queryItems(list.id, `${fieldExpression(column.name)} = ? AND id != ?`, [value, exceptId ?? -1], 'id', 1, 0);
    if (clash.length > 0) {
      throw new GraphError(409, 'nameAlreadyExists', `An item with the same value in the unique column '${column.name}' already exists`);
    }
  }
}
