import { z } from 'zod';
import { statusOf, type GraphConnection } from './graph-client';
import { columnDefinition, lists, type ListSpec } from './list-schema';
import type { SharePointPermissions } from './sharepoint-permissions';

const listsSchema = z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })) });
const columnsSchema = z.object({
  value: z.array(z.object({ name: z.string(), indexed: z.boolean().optional(), choice: z.object({ choices: z.array(z.string()) }).optional() })),
});

export interface ProvisionReport {
  created: string[];
  columnsAdded: string[];
  indexed: string[];
  choicesAdded: string[];
  permissions: string[];
}

/**
 * Creates, idempotently, every list and library the app needs with its columns, indexes and permissions.
 * Running it again changes only what is missing or different.
 */
export async function provision(
  graph: GraphConnection,
  siteId: string,
  permissions: SharePointPermissions,
  log: (line: string) => void = () => {},
): Promise<ProvisionReport> {
  const report: ProvisionReport = { created: [], columnsAdded: [], indexed: [], choicesAdded: [], permissions: [] };
  const site = `/sites/${siteId}`;
  const existingLists = async () => listsSchema.parse(await graph.client.api(`${site}/lists?$select=id,displayName`).get()).value;
  const existing = await existingLists();
  for (const spec of Object.values(lists) as ListSpec[]) {
    let listId = existing.find((l) => l.displayName === spec.title)?.id;
    if (!listId) {
      log(`Creating ${spec.title}`);
      try {
        const created = z.object({ id: z.string() }).parse(
          await graph.client.api(`${site}/lists`).post({
            displayName: spec.title,
            columns: spec.columns.map(columnDefinition),
            list: { template: spec.template },
          }),
        );
        listId = created.id;
      } catch (error) {
        // A retried create whose first answer was lost finds the list already made: use it.
        if (statusOf(error) !== 409) throw error;
        listId = (await existingLists()).find((l) => l.displayName === spec.title)?.id;
        if (!listId) throw error;
      }
      report.created.push(spec.title);
    } else {
      const columns = columnsSchema.parse(await graph.client.api(`${site}/lists/${listId}/columns?$select=name,indexed,choice`).get()).value;
      for (const column of spec.columns) {
        const current = columns.find((c) => c.name === column.name);
        const wantIndexed = 'indexed' in column && column.indexed === true;
        if (!current) {
          log(`Adding ${spec.title}.${column.name}`);
          await graph.client
            .api(`${site}/lists/${listId}/columns`)
            .post(columnDefinition(column))
            .catch((error: unknown) => {
              if (statusOf(error) !== 409) throw error;
            });
          report.columnsAdded.push(`${spec.title}.${column.name}`);
        } else if (wantIndexed && !current.indexed) {
          log(`Indexing ${spec.title}.${column.name}`);
          await graph.client.api(`${site}/lists/${listId}/columns/${column.name}`).patch({ indexed: true });
          report.indexed.push(`${spec.title}.${column.name}`);
        }
        // A newer version may add choices (a new kind of record); the list made by an older one must accept them.
        const missing = current && column.type === 'choice' ? column.choices.filter((c) => !(current.choice?.choices ?? []).includes(c)) : [];
        if (current && column.type === 'choice' && missing.length > 0) {
          log(`Adding ${missing.join(', ')} to ${spec.title}.${column.name}`);
          await graph.client.api(`${site}/lists/${listId}/columns/${column.name}`).patch({ choice: { choices: column.choices } });
          report.choicesAdded.push(...missing.map((c) => `${spec.title}.${column.name}: ${c}`));
        }
      }
    }
    await permissions.apply(listId, spec.access, spec.template);
    report.permissions.push(spec.title);
  }
  return report;
}

/** The site's web address, where SharePoint REST lives. */
export async function siteWebUrl(graph: GraphConnection, siteId: string): Promise<string> {
  return z.object({ webUrl: z.string() }).parse(await graph.client.api(`/sites/${siteId}?$select=webUrl`).get()).webUrl;
}
