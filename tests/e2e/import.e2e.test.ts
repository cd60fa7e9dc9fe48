import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendixDocx, partsRow, referenceShapedRows } from '../support/appendix-docx';
import { e2eGraph } from './emulator-client';
import { launchBrowser, openTab, screenshot, seriousAccessibilityViolations, signInAs } from './browser';

describe('the import wizard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('previews a messy register row by row, writes only when confirmed, with progress, and explains a bad file', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/import`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('heading', { name: 'Import a register' }).waitFor();

    await page.getByTestId('register-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('notes.txt is not a register file').waitFor();

    const csv = readFileSync(join(import.meta.dirname, '../fixtures/messy-register.csv'));
    await page.getByTestId('register-file').setInputFiles({ name: 'messy-register.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('table', { name: 'Import preview' }).waitFor();
    await page.getByText(/4 to create, 0 to change, 0 unchanged, 2 not imported/).waitFor();
    await page.getByText("Error: 'Critical' is not High, Medium or Low").waitFor();
    await screenshot(page, 'import-preview');

    await page.getByRole('button', { name: 'Import 4 row(s)' }).click();
    await page.getByText('Imported messy-register.csv').waitFor();
    await page.getByText(/4 recommendation\(s\) written/).waitFor();

    await page.getByTestId('register-file').setInputFiles({ name: 'messy-register.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByText(/0 to create, 0 to change, 4 unchanged/).waitFor();
    expect(await page.getByRole('button', { name: 'Import 0 row(s)' }).isDisabled()).toBe(true);
  });

  it("previews a previous paper's Appendix A from its .docx, with each row's fate and its people to assign", async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/import`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    const docx = Buffer.from(await appendixDocx(referenceShapedRows));
    await page.getByTestId('register-file').setInputFiles({
      name: 'previous-paper.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await page.getByText('Read from the Appendix A table of previous-paper.docx: 5 recommendation(s).').waitFor();
    await page.getByText('Of the new items: 3 will be put to the panel, 1 proposed closed for your review, 1 open.').waitFor();
    await page.getByText("'D/Supt Morgan Hale' is not in the directory: assign an owner on the item", { exact: false }).waitFor();
    await screenshot(page, 'import-word-preview');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Nothing is written until the coordinator imports: she leaves it here.
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('makes parts a and b with the owners the coordinator confirms, and the person she chooses where several match', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/import`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    const ambiguous = {
      audit: ['COMMUNITY ENGAGEMENT'],
      reference: '4. Partner feedback',
      record: ['Medium Priority Recommendation: Ask partners for feedback after each event.', 'Responsible Person: Ms T', 'Target Date: March 2026'],
    };
    await page.getByTestId('register-file').setInputFiles({
      name: 'parts-paper.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await appendixDocx([partsRow, ambiguous])),
    });
    const confirmParts = page.getByRole('checkbox', { name: /'Tom Hallam – Head of Vetting' is Tom Hallam/ });
    await confirmParts.waitFor();
    const who = page.getByLabel("Who is 'Ms T'?");
    const options = await who.locator('option').allTextContents();
    expect(options[0]).toBe('Nobody yet: assign on the item');
    await who.selectOption({ index: 2 });
    await confirmParts.check();
    await screenshot(page, 'import-parts-and-choice');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import 2 row(s)' }).click();
    await page.getByText('Imported parts-paper.docx').waitFor();

    const items = (await e2eGraph('casey.coordinator@northmere.example', 'GET', '/sites/root/lists/AuditTrackerRecommendations/items?$expand=fields&$top=999'))
      .body as { value: { fields: { Title: string; OwnersJson?: string; SubPartsJson?: string } }[] };
    const fields = (title: string) => items.value.find((i) => i.fields.Title === title)?.fields;
    const parts = JSON.parse(fields('Communication Protocol reviewed')?.SubPartsJson ?? '[]') as { label: string; owners: { name: string }[] }[];
    expect(parts.map((p) => [p.label, p.owners.map((o) => o.name)])).toEqual([
      ['a', ['Tom Hallam']],
      ['b', ['Priya Anand']],
    ]);
    const chosen = JSON.parse(fields('Partner feedback')?.OwnersJson ?? '[]') as { name: string }[];
    expect(chosen.map((o) => o.name)).toEqual([options[2]?.replace(/ <.*$/, '')]);
  });
});
