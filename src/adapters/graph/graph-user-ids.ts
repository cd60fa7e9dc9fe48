import { z } from 'zod';
import type { GraphConnection } from './graph-client';

const userSchema = z.object({ id: z.string() });

/**
 * People's directory object ids by mail, looked up once each: Teams resolves an @mention by object id (or UPN),
 * never by mail, which is all the tracker stores.
 */
export class GraphUserIds {
  private readonly ids = new Map<string, Promise<string | undefined>>();

  constructor(private readonly graph: GraphConnection) {}

  idOf(email: string): Promise<string | undefined> {
    let id = this.ids.get(email);
    if (!id) {
      id = this.graph.client
        .api(`/users/${encodeURIComponent(email)}?$select=id`)
        .get()
        .then((body: unknown) => userSchema.parse(body).id)
        .catch(() => undefined);
      this.ids.set(email, id);
    }
    return id;
  }
}
