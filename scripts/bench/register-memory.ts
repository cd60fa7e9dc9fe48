import type { BuiltTab } from './built-tab';

/** The coordinator's register in Chromium: time to its first row, and the page's JavaScript heap once it is shown. */
export function registerInBrowser(tab: BuiltTab): Promise<{ ms: number; heapMb: number }> {
  const coordinator = { email: 'casey.coordinator@northmere.example', name: 'Casey Marlow', role: 'coordinator' };
  return tab.open(coordinator, '#/register', async (page, started) => {
    await page.getByRole('table', { name: 'Register' }).getByRole('row').nth(1).waitFor({ timeout: 180_000 });
    const ms = Date.now() - started;
    const cdp = await page.context().newCDPSession(page);
    // What the page holds, not garbage awaiting collection.
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { ms, heapMb: usedSize / 1024 / 1024 };
  });
}
