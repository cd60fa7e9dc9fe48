import { notFound, ok, type EmuRequest, type Route } from './http';
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
      handle: (r) => ok({ '@odata.context': `${r.base}/$metadata#users`, value: store.users().map(userResource) }),
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
