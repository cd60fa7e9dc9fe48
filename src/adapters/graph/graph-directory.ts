import { z } from 'zod';
import type { Person } from '../../domain';
import type { PeopleDirectory } from '../../application/ports';
import { graphPath, type GraphConnection } from './graph-client';

const usersSchema = z.object({
  value: z.array(z.object({ displayName: z.string().nullable().optional(), mail: z.string().nullable().optional(), userPrincipalName: z.string().optional() })),
  '@odata.nextLink': z.string().optional(),
});

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
