import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, screenshot, signInAs, violationsInEveryTheme } from './browser';

describe("the owner's home", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('groups what the owner is to do, with counts and dates, and folds away what is done', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Tom Hallam');
    const actionNeeded = page.getByRole('heading', { name: /^Action needed \(\d+\)$/ });
    await actionNeeded.waitFor();
    // What the owner owes is what the page says is due.
    const owed = Number(/(\d+) updates? due for/.exec((await page.getByText(/updates? due for/).textContent()) ?? '')?.[1]);
    expect(Number(/\((\d+)\)/.exec((await actionNeeded.textContent()) ?? '')?.[1])).toBe(owed);
    expect(await page.getByRole('list', { name: 'Action needed' }).getByRole('listitem').count()).toBe(owed);
    await page
      .getByText(/^update by \d{1,2} [A-Z][a-z]+ \d{4}$/)
      .first()
      .waitFor();

    // Each heading's count is its list's length; Done is folded until asked for.
    const headings = page.getByRole('heading', { level: 2 });
    for (const heading of await headings.all()) {
      const [, title, count] = /^(.*) \((\d+)\)$/.exec((await heading.textContent()) ?? '') ?? [];
      if (title === 'Done') continue;
      expect(await page.getByRole('list', { name: title }).getByRole('listitem').count(), title).toBe(Number(count));
    }
    const done = page.getByRole('heading', { name: /^Done \(\d+\)$/ });
    await done.waitFor();
    expect(await page.getByRole('list', { name: 'Done' }).count()).toBe(0);
    const total = Number(/\((\d+)\)/.exec((await done.textContent()) ?? '')?.[1]);
    await page.getByRole('button', { name: `Show the ${total}` }).click();
    expect(await page.getByRole('list', { name: 'Done' }).getByRole('listitem').count()).toBe(total);

    expect(await violationsInEveryTheme(page)).toEqual({ Light: [], Dark: [], 'High contrast': [] });
    await page.setViewportSize({ width: 400, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await screenshot(page, 'owner-home-400-contrast');
  });

  it("lets the owner choose how they are reminded, kept in SharePoint across a reload, and go back to the audit team's choice", async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Grace Okafor');
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
    const choice = page.getByRole('combobox', { name: 'Remind me by' });
    await choice.selectOption({ label: 'A notification in my Teams activity feed' });
    await page.getByText('Your reminders will come in your Teams activity feed').waitFor();
    // A reload reads it back from SharePoint.
    await page.reload();
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Remind me by' }).inputValue()).toBe('feed');

    await choice.selectOption({ label: "The audit team's choice" });
    await page.getByText('Your reminders will come as the audit team chooses').waitFor();
  });
});
