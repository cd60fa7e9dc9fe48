import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inDocumentOrder, launchBrowser, openTab, screenshot, seriousAccessibilityViolations, signInAs } from './browser';

async function paperCount(page: Page, column: 'Total running' | 'Proposed closed'): Promise<number> {
  const table = page.getByRole('table', { name: 'Counts by priority' });
  await table.waitFor();
  const headers = await table.getByRole('columnheader').allTextContents();
  const totalRow = table.getByRole('row').filter({ hasText: 'Total' }).last();
  return Number(await totalRow.getByRole('cell').nth(headers.indexOf(column)).textContent());
}

/** Sets up a meeting from the Meetings tab. */
async function newMeeting(page: Page, meeting: { title: string; date: string; deadline: string; subject?: string }): Promise<void> {
  await page.getByRole('tab', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(meeting.title);
  await dialog.getByLabel('Meeting date').fill(meeting.date);
  await dialog.getByLabel('Updates due by').fill(meeting.deadline);
  if (meeting.subject) await dialog.getByLabel('Subject').fill(meeting.subject);
  await dialog.getByRole('button', { name: 'Save meeting' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the coordinator and the panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('filters the register and downloads it', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/register`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('heading', { name: 'Register' }).waitFor();
    const count = page.getByText(/\d+ of \d+ recommendations/);
    const all = Number((await count.textContent())?.split(' ')[2]);
    expect(all).toBeGreaterThan(100);
    await page.getByLabel('Overdue only').check();
    await expect.poll(async () => Number((await count.textContent())?.split(' ')[0])).toBeLessThan(all);
    await screenshot(page, 'coordinator-register');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // In high contrast a hovered row is Highlight behind HighlightText: its title must take the row's colour too.
    await page.getByLabel('Theme').selectOption({ label: 'High contrast' });
    const hovered = page.getByTestId('register-scroller').getByRole('row').nth(2);
    await hovered.hover();
    await page.waitForTimeout(600);
    const colours = await hovered.evaluate((row) => ({
      row: getComputedStyle(row).color,
      title: getComputedStyle(row.querySelector('button') ?? row).color,
      background: getComputedStyle(row).backgroundColor,
    }));
    expect(colours.title).toBe(colours.row);
    expect(colours.title).not.toBe(colours.background);
    await page.getByLabel('Theme').selectOption({ label: 'Light' });
    const shown = Number((await count.textContent())?.split(' ')[0]);
    const rowsIn = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const zip = await JSZip.loadAsync(readFileSync((await file.path()) ?? ''));
      const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
      return (sheet.match(/<row /g) ?? []).length - 1;
    };
    // The file holds what the screen shows; the whole register is the other button.
    expect(await rowsIn(`Download these ${shown} (.xlsx)`)).toBe(shown);
    expect(await rowsIn('Download the whole register')).toBe(all);
  });

  it('accepts a closure, issues the paper, records and undoes the panel decision, closes the meeting, and the next paper follows', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('tab', { name: 'Panel paper' }).click();
    const proposedBefore = await paperCount(page, 'Proposed closed');
    const runningBefore = await paperCount(page, 'Total running');
    // Nothing is decided before the paper goes out.
    await page.getByText(/Issue the paper for .* first: the panel decides on the paper it received/).waitFor();
    expect(await page.getByRole('button', { name: 'Agreed', exact: true }).count()).toBe(0);

    await page.getByRole('tab', { name: 'Review' }).click();
    const firstProposal = page.locator('[aria-label^="Proposal "]').first();
    await firstProposal.waitFor();
    const label = (await firstProposal.getAttribute('aria-label'))?.replace('Proposal ', '') ?? '';
    await screenshot(page, 'coordinator-review');
    await firstProposal.getByRole('button', { name: 'Accept for the panel' }).click();
    await page.getByText('Accepted for the panel').waitFor();
    await expect.poll(() => page.locator(`[aria-label="Proposal ${label}"]`).count()).toBe(0);
    // The accepted card has left its list: the message sits under that list's heading, not at the top of the page.
    await expect
      .poll(() =>
        inDocumentOrder(
          page.getByRole('heading', { name: /^Proposed closures/ }),
          page.getByText('Accepted for the panel'),
          page.getByRole('heading', { name: /^Target date requests/ }),
        ),
      )
      .toBe(true);

    await page.getByRole('tab', { name: 'Panel paper' }).click();
    await expect.poll(() => paperCount(page, 'Proposed closed')).toBe(proposedBefore + 1);
    const proposedTable = page.getByRole('table', { name: 'Proposed closed' });
    expect(await proposedTable.getByText(label).count()).toBe(1);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download paper (.docx)' }).click()]);
    const xml = (await (await JSZip.loadAsync(readFileSync((await file.path()) ?? ''))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('PAGEREF rec_');

    await page.getByRole('button', { name: 'Issue the paper…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Issue', exact: true }).click();
    await page.getByText('The paper is issued and kept in the document library').waitFor();
    await page.getByText(/Recorded against the paper issued on .* Not yet closed/).waitFor();
    await screenshot(page, 'panel-paper');

    // Each decision asks first; one recorded in error is undone, and the item is before the panel again.
    const row = proposedTable.getByRole('row').filter({ hasText: label });
    await row.getByRole('button', { name: 'Agreed', exact: true }).click();
    await page.getByRole('dialog').getByText('The item will be closed.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Record' }).click();
    // The decided row leaves the table: its confirmation takes the table's place under the heading, not the page's top.
    // The confirmation, not the dialog's title: the owners hear of it in their Teams activity feed, the app installed
    // for them first, and the message says whom.
    const confirmation = page.getByText(/^Closure of .* agreed; .* told in Teams\.$/);
    await confirmation.waitFor();
    const told = /agreed; (.+) told in Teams\./.exec((await confirmation.textContent()) ?? '')?.[1] ?? '';
    const users = ((await (await fetch(`${inject('emulatorOrigin')}/_dev/users`)).json()) as { value: { displayName: string; mail: string }[] }).value;
    for (const name of told.split(', ')) {
      const email = users.find((u) => u.displayName === name)?.mail ?? '';
      const feed = (
        (await (await fetch(`${inject('emulatorOrigin')}/_dev/feed/${email}`)).json()) as { value: { activityType: string; previewText: string }[] }
      ).value;
      expect(feed[0]).toMatchObject({ activityType: 'panelDecided', previewText: 'The panel agreed the closure' });
    }
    // Polled: the paper is compiled again after the decision, and the page is replaced meanwhile.
    await expect.poll(() => inDocumentOrder(page.getByRole('heading', { name: /^Proposed closed \(/ }), confirmation, proposedTable)).toBe(true);
    await expect.poll(() => paperCount(page, 'Total running')).toBe(runningBefore - 1);
    const recorded = page.getByRole('table', { name: 'Decisions recorded at this meeting' });
    await recorded.getByText('Closure agreed by the panel').waitFor();
    await recorded.getByRole('button', { name: /^Undo for / }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Undo the decision' }).click();
    await page.getByText(/is undone$/).waitFor();
    await expect.poll(() => paperCount(page, 'Total running')).toBe(runningBefore);
    expect(await paperCount(page, 'Proposed closed')).toBe(proposedBefore + 1);

    await row.getByRole('button', { name: 'Agreed', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => paperCount(page, 'Total running')).toBe(runningBefore - 1);
    expect(await paperCount(page, 'Proposed closed')).toBe(proposedBefore);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "Close the meeting's decisions…" }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close the decisions' }).click();
    await page.getByText(/The decisions were closed on/).waitFor();
    expect(await page.getByRole('button', { name: /^Undo for / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Agreed', exact: true }).count()).toBe(0);

    // The next meeting, set up in Meetings: its paper counts what the panel decided.
    await newMeeting(page, { title: 'Audit panel September 2025', date: '2025-09-16', deadline: '2025-08-26' });
    await page.getByRole('table', { name: 'Meetings' }).getByRole('link', { name: 'Audit panel September 2025' }).click();
    await page.getByRole('heading', { name: 'Audit panel September 2025' }).waitFor();
    expect(await paperCount(page, 'Total running')).toBe(runningBefore - 1);
    expect(await paperCount(page, 'Proposed closed')).toBe(proposedBefore);
    expect(await page.getByRole('table', { name: 'Proposed closed' }).getByText(label).count()).toBe(0);
  });

  it('shows the panel a read-only paper', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/paper`, inject('today'));
    await signInAs(page, 'Helen Ashworth');
    await page.getByRole('table', { name: 'Counts by priority' }).waitFor();
    expect(await page.getByRole('button', { name: 'Agreed', exact: true }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Review' }).count()).toBe(0);
    // Once the coordinator has issued it (the test before does), the panel reads the issued paper.
    await page.getByRole('button', { name: /^Download (paper \(\.docx\)|the issued paper)$/ }).waitFor();
    // The panel judges each closure on its case: the narrative as accepted, its evidence, and the item itself.
    const proposed = page.getByRole('table', { name: 'Proposed closed' });
    await proposed.getByRole('columnheader', { name: 'The case for closure' }).waitFor();
    const open = proposed.getByRole('button', { name: /^Open / }).first();
    const reference = ((await open.textContent()) ?? '').replace(/^Open /, '');
    await open.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${reference.replace(/\./g, '\\.')}`) }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

describe('the coordinator keeps the register', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('records a new audit and a recommendation, then edits it with the change in its timeline', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/audits`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    const form = page.getByRole('group', { name: 'New audit' });
    await form.getByLabel('Title').fill('Cash Handling');
    await form.getByLabel('Auditor').fill('Northgate Forvale LLP');
    await form.getByLabel('Opinion, as written').fill('MODERATE OPINION');
    await form.getByRole('button', { name: 'Save audit' }).click();
    const card = page.getByRole('group', { name: 'Cash Handling' });
    await card.waitFor();
    await card.getByText('Add a recommendation to Cash Handling').click();
    await card.getByLabel('Reference').fill('4.1');
    await card.getByLabel('Short title').fill('Safe counts');
    await card.getByLabel('Target date, as agreed').fill('3rd Qtr 2025-26');
    await card.getByText('Read as due 2025-12-31').waitFor();
    await card.getByRole('combobox', { name: 'Find an owner' }).fill('Raj');
    await page.getByRole('option', { name: /Raj Dhillon/ }).waitFor();
    await page.keyboard.press('Enter');
    await card.getByRole('listbox', { name: 'Chosen owners' }).getByText('Raj Dhillon').waitFor();
    await card.getByRole('button', { name: 'Add recommendation' }).click();
    await card.getByText('Recommendation 4.1 added').waitFor();
    expect(await card.getByLabel('Reference').inputValue()).toBe('');
    await screenshot(page, 'coordinator-audits');

    // The same reference again is refused, and the message opens the existing item.
    await card.getByLabel('Reference').fill('4.1');
    await card.getByLabel('Short title').fill('A second 4.1');
    await card.getByRole('button', { name: 'Add recommendation' }).click();
    await page.getByRole('dialog', { name: 'Save without an owner?' }).getByRole('button', { name: 'Choose an owner' }).click();
    await card.getByRole('combobox', { name: 'Find an owner' }).fill('Raj');
    await page.getByRole('option', { name: /Raj Dhillon/ }).click();
    await card.getByRole('button', { name: 'Add recommendation' }).click();
    await card.getByText(/This audit already has recommendation 4\.1 "Safe counts"/).waitFor();
    await card.getByRole('button', { name: 'Open it' }).click();
    await page.getByRole('heading', { name: '4.1 Safe counts' }).waitFor();

    await page.getByLabel('Short title').fill('Safe counts and cash reconciliation');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved').waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('Recommendation edited').waitFor();
    await timeline.getByText(/Title changed to "Safe counts and cash reconciliation"/).waitFor();
  });

  it('sets up the next meeting in Meetings with its own wording, and the paper uses it', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/meetings`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    await newMeeting(page, { title: 'Audit panel October 2025', date: '2025-10-14', deadline: '2025-09-23', subject: 'Audit recommendations: autumn update' });
    // The list shows it with its dates and a paper not yet issued; its title opens its paper.
    const listed = page.getByRole('table', { name: 'Meetings' }).getByRole('row').filter({ hasText: 'Audit panel October 2025' });
    await listed.getByText('14 October 2025').waitFor();
    await listed.getByText('23 September 2025').waitFor();
    await listed.getByText('Draft: not issued').waitFor();
    await screenshot(page, 'meetings');
    await listed.getByRole('link', { name: 'Audit panel October 2025' }).click();
    await page.getByRole('heading', { name: 'Audit panel October 2025' }).waitFor();
    await page.getByText(/Audit recommendations: autumn update\. Date: October 2025/).waitFor();
  });

  it('lists the missing updates in one table, and reminds the owners ticked after asking', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/review`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    const table = page.getByRole('table', { name: 'Missing updates' });
    await table.waitFor();
    await table.getByRole('columnheader', { name: 'Last update' }).waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(3);
    expect(await page.getByRole('button', { name: /^Remind these owners/ }).isDisabled()).toBe(true);
    await table.getByRole('checkbox').nth(0).check();
    await table.getByRole('checkbox').nth(1).check();
    const remind = page.getByRole('button', { name: /^Remind these owners \(\d+\)…$/ });
    const owners = Number(/\((\d+)\)/.exec((await remind.textContent()) ?? '')?.[1]);
    await remind.click();
    await page.getByRole('dialog').getByText(`${owners} owner(s) will be mentioned`).waitFor();
    await screenshot(page, 'review-remind-confirm');
    await page.getByRole('button', { name: `Remind ${owners} owner(s)` }).click();
    await page.getByText('Owners reminded').waitFor();
    expect(await table.getByRole('checkbox', { checked: true }).count()).toBe(0);
  });
});
