import { badRequest, notFound, ok, type EmuRequest, type Route } from './http';
import type { Store, UserRow } from './store';
import { scopesFor } from './scopes';

export function userResource(user: UserRow): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.name,
    mail: user.email,
    // Sign-in names often differ from mail (jdoe@contoso.onmicrosoft.com against jane.doe@contoso.com).
    userPrincipalName: user.userPrincipalName ?? user.email,
    jobTitle: user.jobTitle,
  };
}

/**
 * `$search="displayName:morgan hale"` as Graph answers it for users: each word of the term must begin a word of
 * the display name, case folded; and only with `ConsistencyLevel: eventual`, without which Graph refuses it.
 */
function searchUsers(users: UserRow[], r: EmuRequest): UserRow[] {
  const search = r.query.get('$search');
  if (search === null) return users;
  if ((r.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual') {
    throw badRequest("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
  const match = /^"displayName:([^"]*)"$/.exec(search.trim());
  if (!match) throw badRequest(`Syntax error: the $search term ${search} is not supported; use "displayName:<words>"`);
  const terms = (match[1] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return users.filter((u) => {
    const words = u.name.toLowerCase().split(/[\s.,'-]+/);
    return terms.every((t) => words.some((w) => w.startsWith(t)));
  });
}

export function directoryRoutes(store: Store): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/me$/,
      scopes: scopesFor.me,
      handle: (r: EmuRequest) => ok({ '@odata.context': `${r.base}/$metadata#users/$entity`, ...userResource(r.user) }),
    },
    {
      method: 'GET',
      pattern: /^\/users$/,
      scopes: scopesFor.users,
      handle: (r) => ok({ '@odata.context': `${r.base}/$metadata#users`, value: searchUsers(store.users(), r).map(userResource) }),
    },
    {
      method: 'GET',
      pattern: /^\/users\/([^/]+)$/,
      scopes: scopesFor.users,
      handle: (r, [key = '']) => {
        const user = store.users().find((u) => u.id === key || u.email === key.toLowerCase());
        if (!user) throw notFound(`User '${key}'`);
        return ok({ '@odata.context': `${r.base}/$metadata#users/$entity`, ...userResource(user) });
      },
    },
  ];
}
