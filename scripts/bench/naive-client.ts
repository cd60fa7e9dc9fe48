import type { Emulator } from '../../emulator/server';
import { graphPath } from '../../src/adapters/graph/graph-client';
import { lists } from '../../src/adapters/graph/list-schema';
import { jobContext } from '../../src/jobs/job-context';

/** A client as one would first write it: default pages of 200, every field, one page after another. */
export async function naiveLoad(emulator: Emulator): Promise<{ trips: number; ms: number; items: number }> {
  const context = jobContext({ graph: emulator.origin });
  const started = Date.now();
  let trips = 0;
  let items = 0;
  for (const title of [lists.audits.title, lists.recommendations.title]) {
    let url: string | undefined = `/sites/root/lists/${title}/items?$expand=fields`;
    while (url) {
      const page = (await context.graph.client.api(graphPath(url)).get()) as { value: unknown[]; '@odata.nextLink'?: string };
      trips++;
      items += page.value.length;
      url = page['@odata.nextLink'];
    }
  }
  return { trips, ms: Date.now() - started, items };
}
