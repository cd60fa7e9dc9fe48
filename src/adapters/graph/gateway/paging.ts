import { toListItem, type ListItem, type Page } from './list-item';

export interface DeltaResult {
  changed: ListItem[];
  removed: string[];
  deltaLink: string;
}

/** A page and every page after it, fetched by its nextLink. */
export async function followPages(
  first: Page,
  nextPage: (url: string) => Promise<Page>,
): Promise<{ items: ListItem[]; removed: string[]; deltaLink?: string }> {
  const items: ListItem[] = [];
  const removed: string[] = [];
  let page: Page = first;
  for (;;) {
    for (const raw of page.value) {
      if (raw.deleted) removed.push(raw.id);
      else items.push(toListItem(raw));
    }
    const next = page['@odata.nextLink'];
    if (!next) return { items, removed, deltaLink: page['@odata.deltaLink'] };
    page = await nextPage(next);
  }
}

/** A delta feed to its end: what changed, what was removed, and where to ask next time. */
export async function deltaFrom(first: Page, nextPage: (url: string) => Promise<Page>): Promise<DeltaResult> {
  const { items, removed, deltaLink } = await followPages(first, nextPage);
  if (!deltaLink) throw new Error('The delta feed ended without a deltaLink');
  return { changed: items, removed, deltaLink };
}
