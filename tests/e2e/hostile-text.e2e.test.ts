import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextMeeting, parseOpinion, parseTargetDate } from '../../src/domain';
import { jobContext } from '../../src/jobs/job-context';
import { aRecommendation, anUpdate, priya } from '../support/builders';
import { launchBrowser, openTab, screenshot, signInAs } from './browser';

/** Markup that runs if anything renders data as HTML: each payload sets a flag the page is checked for. */
const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">`;
const title = `Hostile ${payload}`.slice(0, 250);

/**
 * Attack: hostile text in a recommendation and an owner's update, rendered in Chromium as the owner, the
 * coordinator and a panel member see it. Nothing may run, and the text must show as the text it is.
 */
describe('hostile text in every role', () => {
  let browser: Browser;
  let id = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const origin = inject('emulatorOrigin');
    const casey = jobContext({ graph: origin });
    const audit = await casey.store.upsertAudit({
      title: `Audit ${payload}`.slice(0, 200),
      issuedYear: 2024,
      issuedMonth: 3,
      auditor: 'Northgate',
      opinion: parseOpinion('LIMITED OPINION'),
    });
    id = (
      await casey.store.createRecommendation(
        aRecommendation(audit.value.id, 'H1', { title, text: `Body ${payload}`, targets: { original: parseTargetDate('December 2030'), revisions: [] } }),
      )
    ).value.id;
    const meeting = nextMeeting((await casey.store.paperData('2000-01-01')).meetings, inject('today'));
    await jobContext({ graph: origin, user: priya.email }).store.addUpdate(
      anUpdate(id, { cycle: meeting?.cycle ?? 'June 2025', achieved: `Achieved ${payload}` }),
    );
  });
  afterAll(() => browser.close());

  /** Opens the page as the person, with every dialog (alert, confirm) counted as a script that ran. */
  const visit = async (path: string, person: string): Promise<{ page: Page; dialogs: string[] }> => {
    const page = await openTab(browser, `${inject('appUrl')}${path}`, inject('today'));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAs(page, person);
    return { page, dialogs };
  };
  const ranNothing = async (page: Page, dialogs: string[]) => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  };

  it('shows the owner the text as text, and runs none of it', async () => {
    const { page, dialogs } = await visit(`#/recommendations/${id}`, 'Priya Anand');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Hostile <img src=x' }).waitFor();
    await page.getByText(`Achieved ${payload}`).waitFor();
    await screenshot(page, 'hostile-owner');
    await ranNothing(page, dialogs);
  });

  it('shows the coordinator the register row and the item, and runs none of it', async () => {
    const { page, dialogs } = await visit('#/register', 'Casey Marlow');
    await page.getByRole('heading', { name: 'Register' }).waitFor();
    await page.getByLabel('Search').fill('Hostile');
    await page.getByText(title).first().waitFor();
    await ranNothing(page, dialogs);
    const detail = await visit(`#/recommendations/${id}`, 'Casey Marlow');
    await detail.page.getByText(`Achieved ${payload}`).waitFor();
    await screenshot(detail.page, 'hostile-coordinator');
    await ranNothing(detail.page, detail.dialogs);
  });

  it("shows a panel member the paper's Appendix A entry, and runs none of it", async () => {
    const { page, dialogs } = await visit('#/paper', 'Helen Ashworth');
    await page.getByRole('table', { name: 'Counts by priority' }).waitFor();
    await page.locator('summary', { hasText: 'Audit <img src=x' }).click();
    await page.getByText(`Achieved ${payload}`).first().waitFor();
    await screenshot(page, 'hostile-panel');
    await ranNothing(page, dialogs);
  });
});
