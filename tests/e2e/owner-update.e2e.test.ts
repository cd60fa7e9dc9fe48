import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, screenshot, seriousAccessibilityViolations, signInAs, tabTo } from './browser';
import { e2eGraph } from './emulator-client';

const priya = 'priya.fleet@northmere.example';
const coordinator = 'casey.coordinator@northmere.example';
const recommendations = '/sites/root/lists/AuditTrackerRecommendations/items';

async function openFirstDueItem(page: Page, skip = 0): Promise<string> {
  await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
  const due = page.getByRole('listitem').filter({ hasText: 'Update due' });
  await expect.poll(() => due.count()).toBeGreaterThan(skip);
  await due.nth(skip).getByRole('button').first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const id = /#\/recommendations\/(\d+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no recommendation id in ${page.url()}`);
  return id;
}

describe('an owner updates a recommendation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('writes an update proposing closure with a file, survives a reload mid-draft, and sees it in the timeline', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Priya Anand');
    await openFirstDueItem(page);
    await page.getByRole('heading', { name: /Your update for/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('What has been achieved?').fill('The new procedure was approved by the board in May.');
    await page.getByText('I propose this recommendation is closed').click();
    await page.getByLabel('How has the recommendation been met?').fill('Procedure published; spot checks show it in use.');
    await page
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'board-minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes: procedure approved.') });
    await page.getByRole('link', { name: 'board-minutes.txt' }).waitFor();
    await screenshot(page, 'update-form');

    await page.reload();
    await page.getByText('We restored the draft you had not sent yet.').waitFor();
    expect(await page.getByLabel('What has been achieved?').inputValue()).toBe('The new procedure was approved by the board in May.');
    await page.getByRole('link', { name: 'board-minutes.txt' }).waitFor();

    await page.getByRole('button', { name: 'Submit update' }).click();
    await page.getByText(/has been sent to the audit team/).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('Procedure published; spot checks show it in use.').waitFor();
    await timeline.getByRole('link', { name: 'board-minutes.txt' }).waitFor();
    await screenshot(page, 'update-sent');

    await page.reload();
    await page.getByText('Status: Proposed closed').waitFor();
    expect(await page.getByRole('heading', { name: /Your update for/ }).count()).toBe(0);
  });

  it('shows what changed when the coordinator edits the recommendation meanwhile, keeping the text', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Tom Hallam');
    const id = await openFirstDueItem(page);
    await page.getByLabel('What has been achieved?').fill('Training delivered to all supervisors.');

    const current = await e2eGraph(coordinator, 'GET', `${recommendations}/${id}?$expand=fields($select=Title)`);
    const patched = await e2eGraph(
      coordinator,
      'PATCH',
      `${recommendations}/${id}/fields`,
      { Title: `${current.body.fields.Title} (renamed)` },
      { 'If-Match': current.body['@odata.etag'] },
    );
    expect(patched.status).toBe(200);

    await page.getByRole('button', { name: 'Submit update' }).click();
    await page.getByText('This recommendation changed while you were writing').waitFor();
    await page.getByText(/Title changed to ".*\(renamed\)"/).waitFor();
    expect(await page.getByLabel('What has been achieved?').inputValue()).toBe('Training delivered to all supervisors.');
    await screenshot(page, 'update-conflict');
    await page.getByRole('button', { name: /I have read the changes/ }).click();
    await page.getByText(/has been sent to the audit team/).waitFor();
    const updates = await e2eGraph(
      coordinator,
      'GET',
      `/sites/root/lists/AuditTrackerUpdates/items?$expand=fields&$filter=${encodeURIComponent(`fields/RecommendationId eq '${id}'`)}`,
    );
    expect(updates.body.value.filter((u: { fields: { Achieved: string } }) => u.fields.Achieved === 'Training delivered to all supervisors.')).toHaveLength(1);
  });

  it("shows another owner's recommendation read-only", async () => {
    const all = await e2eGraph(coordinator, 'GET', `${recommendations}?$top=500&$expand=fields($select=Owner1,Owner2,Owner3,Status)`);
    const others = all.body.value.find(
      (item: { fields: Record<string, string> }) =>
        item.fields.Status === 'open' && ![item.fields.Owner1, item.fields.Owner2, item.fields.Owner3].includes(priya),
    );
    const page = await openTab(browser, `${inject('appUrl')}#/recommendations/${others.id}`, inject('today'));
    await signInAs(page, 'Priya Anand');
    await page.getByText('only its owners can update it').waitFor();
    expect(await page.getByRole('button', { name: 'Submit update' }).count()).toBe(0);
  });

  it('can be completed with the keyboard alone', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Raj Dhillon');
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
    const due = await page.getByRole('listitem').filter({ hasText: 'Update due' }).first().getByRole('button').first().textContent();
    await tabTo(page, (el) => el.tag === 'button' && el.text === due?.trim());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Your update for/ }).waitFor();
    await tabTo(page, (el) => el.tag === 'textarea');
    await page.keyboard.type('Typed with the keyboard only.');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Submit update');
    await page.keyboard.press('Enter');
    await page.getByText(/has been sent to the audit team/).waitFor();
  });

  it('follows the dark and high contrast themes', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Priya Anand');
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider') as Element).backgroundColor);
    const light = await background();
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(background).not.toBe(light);
    await screenshot(page, 'my-recommendations-dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Theme').selectOption('contrast');
    await expect.poll(background).toBe('rgb(0, 0, 0)');
    await screenshot(page, 'my-recommendations-high-contrast');
  });
});
