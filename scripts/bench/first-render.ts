import type { BuiltTab } from './built-tab';
import { median } from './median';
import { owner } from './settings';

/** Time to the owner's first screen (their first item) in headless Chromium, and the Graph calls the page made for it. */
export async function firstRender(tab: BuiltTab, origin: string): Promise<{ ms: number; trips: number }> {
  // One load is at the mercy of a busy machine: the median of three fresh browser contexts.
  const load = () =>
    tab.open({ ...owner, role: 'owner' }, '', async (page, started) => {
      let trips = 0;
      page.on('request', (r) => {
        if (r.url().startsWith(`${origin}/v1.0/`) && r.method() !== 'OPTIONS') trips++;
      });
      // The owner's items, grouped in lists by what they need: the first item shown is the first render.
      await page.getByRole('heading', { name: 'My recommendations' }).waitFor({ timeout: 60_000 });
      await page.getByRole('listitem').first().waitFor({ timeout: 60_000 });
      return { ms: Date.now() - started, trips };
    });
  const loads = [await load(), await load(), await load()];
  return { ms: median(loads.map((l) => l.ms)), trips: Math.max(...loads.map((l) => l.trips)) };
}
