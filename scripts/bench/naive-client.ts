import { graphPath, type GraphConnection } from '../../src/adapters/graph/graph-client';
import { lists } from '../../src/adapters/graph/list-schema';

/**
 * A client as one would first write it, as the SDK's PageIterator does: Graph's default pages (200), every field,
 * one page after another. (PageIterator itself takes only https next links, which the local emulator's are not.)
 */
export async function naiveLoad(graph: GraphConnection): Promise<number> {
  let items = 0;
  for (const title of [lists.audits.title, lists.recommendations.title]) {
    let url: string | undefined = `/sites/root/lists/${title}/items?$expand=fields`;
    while (url) {
      const page = (await graph.client.api(graphPath(url)).get()) as { value: unknown[]; '@odata.nextLink'?: string };
      items += page.value.length;
      url = page['@odata.nextLink'];
    }
  }
  return items;
}
