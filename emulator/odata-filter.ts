/**
 * The part of OData $filter that SharePoint list items accept through Graph:
 * fields/X (eq|ne|lt|le|gt|ge) literal, joined with and/or, grouped with parentheses.
 */
export type Literal = string | number | boolean | null;
export type FilterNode =
  | { kind: 'compare'; field: string; op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; value: Literal }
  | { kind: 'logical'; op: 'and' | 'or'; left: FilterNode; right: FilterNode };

export class FilterSyntaxError extends Error {}

type Token = { type: 'word' | 'string' | 'number' | 'lparen' | 'rparen'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', text: c });
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError('Unterminated string literal');
        if (input[i] === "'" && input[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (input[i] === "'") {
          i++;
          break;
        } else {
          text += input[i];
          i++;
        }
      }
      tokens.push({ type: 'string', text });
    } else {
      const match = /^[^\s()']+/.exec(input.slice(i));
      const text = match?.[0] ?? c;
      tokens.push({ type: /^-?\d+(\.\d+)?$/.test(text) ? 'number' : 'word', text });
      i += text.length;
    }
  }
  return tokens;
}

const comparisons = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

export function parseFilter(input: string): FilterNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const token = tokens[pos++];
    if (!token) throw new FilterSyntaxError('Unexpected end of $filter');
    return token;
  };

  function literal(token: Token): Literal {
    if (token.type === 'string') return token.text;
    if (token.type === 'number') return Number(token.text);
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.text === 'null') return null;
    // Unquoted datetimes are how OData writes DateTimeOffset literals.
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(token.text)) return token.text;
    throw new FilterSyntaxError(`Unsupported literal '${token.text}'`);
  }

  function primary(): FilterNode {
    const token = next();
    if (token.type === 'lparen') {
      const inner = or();
      if (next().type !== 'rparen') throw new FilterSyntaxError('Missing )');
      return inner;
    }
    if (token.type !== 'word' || !token.text.startsWith('fields/')) {
      throw new FilterSyntaxError(`Only fields/<name> can be filtered, found '${token.text}'`);
    }
    const op = next().text;
    if (!comparisons.has(op)) throw new FilterSyntaxError(`Unsupported operator '${op}'`);
    return { kind: 'compare', field: token.text.slice('fields/'.length), op: op as 'eq', value: literal(next()) };
  }

  function and(): FilterNode {
    let left = primary();
    while (peek()?.text === 'and') {
      pos++;
      left = { kind: 'logical', op: 'and', left, right: primary() };
    }
    return left;
  }

  function or(): FilterNode {
    let left = and();
    while (peek()?.text === 'or') {
      pos++;
      left = { kind: 'logical', op: 'or', left, right: and() };
    }
    return left;
  }

  const tree = or();
  if (pos !== tokens.length) throw new FilterSyntaxError(`Unexpected '${tokens[pos]?.text}'`);
  return tree;
}

export function filterFields(node: FilterNode): string[] {
  return node.kind === 'compare' ? [node.field] : [...filterFields(node.left), ...filterFields(node.right)];
}

function compare(actual: unknown, op: string, expected: Literal): boolean {
  const a = actual === undefined ? null : actual;
  if (op === 'eq') return a === expected;
  if (op === 'ne') return a !== expected;
  if (a === null || expected === null) return false;
  const [x, y] = [a as string | number, expected as string | number];
  if (op === 'lt') return x < y;
  if (op === 'le') return x <= y;
  if (op === 'gt') return x > y;
  return x >= y;
}

export function matchesFilter(node: FilterNode, fields: Record<string, unknown>): boolean {
  if (node.kind === 'compare') return compare(fields[node.field], node.op, node.value);
  return node.op === 'and'
    ? matchesFilter(node.left, fields) && matchesFilter(node.right, fields)
    : matchesFilter(node.left, fields) || matchesFilter(node.right, fields);
}
