import { z } from 'zod';
import type { Person } from '../../domain';
import type { PeopleDirectory } from '../../application/ports';
import { graphPath, type GraphConnection } from './graph-client';

const usersSchema = z.object({
  value: z.array(z.object({ displayName: z.string().nullable().optional(), mail: z.string().nullable().optional(), userPrincipalName: z.string().optional() })),
  '@odata.nextLink': z.string().optional(),
});

const meSchema = z.object({ displayName: z.string().nullable().optional(), mail: z.string().nullable().optional(), userPrincipalName: z.string() });

/**
 * The signed-in person as the tracker names people: by mail, as owners are stored, not by the sign-in name
 * (UPN) msal reports, which often differs (jdoe@contoso.onmicrosoft.com against jane.doe@contoso.com).
 */
export async function signedInPerson(graph: GraphConnection): Promise<Person> {
  const me = meSchema.parse(await graph.client.api('/me?$select=displayName,mail,userPrincipalName').get());
  const email = (me.mail ?? me.userPrincipalName).toLowerCase();
  return { email, name: me.displayName ?? email };
}

/** People from the directory through Graph `/users` (User.ReadBasic.All), every page. */
export class GraphDirectory implements PeopleDirectory {
  constructor(private readonly graph: GraphConnection) {}

  async people(): Promise<Person[]> {
    const out: Person[] = [];
    let url: string | undefined = '/users?$select=displayName,mail,userPrincipalName&$top=999';
    while (url) {
      const page = usersSchema.parse(await this.graph.client.api(graphPath(url)).get());
      for (const u of page.value) {
        const email = u.mail ?? u.userPrincipalName;
        if (email) out.push({ email: email.toLowerCase(), name: u.displayName ?? email });
      }
      url = page['@odata.nextLink'];
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }
}
