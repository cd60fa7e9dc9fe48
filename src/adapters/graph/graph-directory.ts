import { z } from 'zod';
import { bareName, type Person } from '../../domain';
import type { PeopleDirectory } from '../../application/ports';
import { graphPath, type GraphConnection } from './graph-client';

const usersSchema = z.object({
  value: z.array(z.object({ displayName: z.string().nullable().optional(), mail: z.string().nullable().optional(), userPrincipalName: z.string().optional() })),
  '@odata.nextLink': z.string().optional(),
});

/** A directory user as the tracker names people: by mail (sign-in name when there is none), lower-cased. */
const personOf = (u: z.infer<typeof usersSchema>['value'][number]): Person[] => {
  const email = u.mail ?? u.userPrincipalName;
  return email ? [{ email: email.toLowerCase(), name: u.displayName ?? email }] : [];
};

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

  async findByName(name: string): Promise<Person[]> {
    // Graph's $search takes words; quotes would end the term, and a rank ("D/Supt") is no part of a display name.
    const words = bareName(name).replace(/["\\]/g, ' ').trim();
    if (!words) return [];
    const page = usersSchema.parse(
      await this.graph.client
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .query({ $search: `"displayName:${words}"`, $select: 'displayName,mail,userPrincipalName', $top: '10' })
        .get(),
    );
    return page.value.flatMap(personOf);
  }

  async people(): Promise<Person[]> {
    const out: Person[] = [];
    let url: string | undefined = '/users?$select=displayName,mail,userPrincipalName&$top=999';
    while (url) {
      const page = usersSchema.parse(await this.graph.client.api(graphPath(url)).get());
      out.push(...page.value.flatMap(personOf));
      url = page['@odata.nextLink'];
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }
}
