import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { jobContext } from '../../src/jobs/job-context';
import { parseOpinion, parseTargetDate } from '../../src/domain';
import { launchBrowser, openTab, screenshot, seriousAccessibilityViolations, signInAs } from './browser';

const casey = 'casey.coordinator@northmere.example';
const priya = { email: 'priya.fleet@northmere.example', name: 'Priya Anand' };
const tom = { email: 'tom.vetting@northmere.example', name: 'Tom Hallam' };

describe('the process as the coordinator runs it', () => {
  let browser: Browser;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    browser = await launchBrowser();
    const { store } = jobContext({ graph: inject('emulatorOrigin'), user: casey });
    const audit = await store.upsertAudit({
      title: 'Commissioning',
      issuedYear: 2024,
      issuedMonth: 3,
      auditor: 'Northgate Audit LLP',
      opinion: parseOpinion('MODERATE OPINION'),
    });
    for (const [reference, title] of [
      ['2.3', 'Contract monitoring'],
      ['2.4', 'Supplier reviews'],
    ] as const) {
      const saved = await store.upsertRecommendation({
        auditId: audit.value.id,
        reference,
        referenceKey: reference,
        title,
        priority: 'Medium',
        text: 'Monitor contracts against their terms.',
        managementResponse: 'Agreed.',
        owners: [priya],
        subParts: [],
        targets: { original: parseTargetDate('March 2025'), revisions: [] },
        status: 'open',
      });
      ids[reference] = saved.value.id;
    }
    const parted = await store.upsertRecommendation({
      auditId: audit.value.id,
      reference: '2.5',
      referenceKey: '2.5',
      title: 'Protocol review',
      priority: 'Low',
      text: 'Review the protocol and keep a review schedule.',
      managementResponse: 'Agreed.',
      owners: [priya],
      subParts: [
        { label: 'a', text: 'Review the protocol.', owners: [priya], target: parseTargetDate('March 2025'), status: 'open' },
        { label: 'b', text: 'Keep a review schedule.', owners: [tom], target: parseTargetDate('December 2025'), status: 'open' },
      ],
      targets: { original: parseTargetDate('March 2025'), revisions: [] },
      status: 'open',
    });
    ids['2.5'] = parted.value.id;
  });
  afterAll(() => browser.close());

  it("writes an update on the owner's behalf, with a verbal update as evidence and a condition, straight to the panel", async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/recommendations/${ids['2.3']}`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    const form = page.getByRole('form', { name: /on behalf of Priya Anand/ });
    await form.waitFor();
    await form.getByLabel('What has been achieved?').fill('Monitoring is in place for every contract.');
    await form.getByLabel('Put this recommendation forward for closure (proposed closed)').check();
    await form.getByLabel('How has the recommendation been met?').fill('Quarterly monitoring meetings are held and minuted.');
    await form.getByLabel(/subject to a condition/).check();
    await form.getByRole('textbox', { name: 'Subject to' }).fill('approval of the monitoring procedure at the governance board');
    await form.getByLabel('Other evidence').selectOption({ label: 'Verbal update or presentation' });
    await form.getByLabel('At which meeting?').fill('the June 2025 panel');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByRole('list', { name: 'Attached evidence' }).getByText('Verbal update or presentation at the June 2025 panel').waitFor();
    await form.getByLabel(/Put it straight to the panel/).check();
    await screenshot(page, 'coordinator-update-on-behalf');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Submit update' }).click();

    await page.getByText('The update for June 2025 is recorded on behalf of Priya Anand.').waitFor();
    await page.getByText('Status: Accepted for panel').waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText(/by Casey Marlow on behalf of Priya Anand/).waitFor();
    await timeline.getByText('Verbal update or presentation at the June 2025 panel').waitFor();
    await timeline.getByText('approval of the monitoring procedure at the governance board').waitFor();
    await page.getByText('Closure subject to: approval of the monitoring procedure at the governance board').waitFor();

    await page.getByRole('button', { name: /←/ }).click();
    await page.getByRole('tab', { name: 'Panel paper' }).click();
    await page
      .getByRole('table', { name: 'Proposed closed' })
      .getByText('2.3 Contract monitoring (subject to approval of the monitoring procedure at the governance board)')
      .waitFor();
  });

  it("lets a part's owner report on their part, and the coordinator mark it done", async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/recommendations/${ids['2.5']}`, inject('today'));
    await signInAs(page, 'Tom Hallam');
    const form = page.getByRole('form', { name: /Your update/ });
    await form.waitFor();
    expect(await form.getByLabel('Reporting on').inputValue()).toBe('b');
    await form.getByLabel('What has been achieved?').fill('The review schedule is drafted.');
    await screenshot(page, 'part-owner-update');
    await form.getByRole('button', { name: 'Submit update' }).click();
    await page.getByText(/Your update for .* has been sent to the audit team/).waitFor();

    const coordinator = await openTab(browser, `${inject('appUrl')}#/recommendations/${ids['2.5']}`, inject('today'));
    await signInAs(coordinator, 'Casey Marlow');
    await coordinator.getByRole('list', { name: 'Timeline' }).getByText('The review schedule is drafted.').waitFor();
    const partB = coordinator.getByRole('group', { name: 'Part b' });
    await partB.getByLabel('Status').selectOption('done');
    await coordinator.getByRole('button', { name: 'Save changes' }).click();
    await coordinator.getByText('Changes saved').waitFor();
    await coordinator
      .getByRole('list', { name: 'Parts' })
      .getByText(/Tom Hallam · target December 2025 · Done/)
      .waitFor();
  });

  it("records an auditor's follow-up that found the item implemented, and puts it forward on it", async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/recommendations/${ids['2.4']}`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('button', { name: 'Record an auditor follow-up…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record an auditor follow-up' });
    await dialog.getByLabel('Verdict').selectOption({ label: 'Implemented' });
    await dialog.getByLabel('What the auditor found').fill('Supplier reviews are held every quarter.');
    await dialog.getByLabel(/Put the recommendation forward for closure/).waitFor();
    await screenshot(page, 'coordinator-auditor-follow-up');
    await dialog.getByRole('button', { name: 'Record follow-up' }).click();
    await page.getByText('Follow-up recorded; proposed closed').waitFor();
    await page.getByText('Status: Proposed closed').waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('Auditor follow-up', { exact: true }).waitFor();
    await timeline.getByText(/Auditor follow-up: Northgate Audit LLP, 2025-05-20: Implemented/).waitFor();
  });
});

describe('a delegate writing for an owner who is away', () => {
  let browser: Browser;
  let id = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    const { store } = jobContext({ graph: inject('emulatorOrigin'), user: casey });
    const audit = await store.upsertAudit({
      title: 'Vehicle Maintenance',
      issuedYear: 2024,
      issuedMonth: 9,
      auditor: 'Northgate Audit LLP',
      opinion: parseOpinion('LIMITED OPINION'),
    });
    const saved = await store.upsertRecommendation({
      auditId: audit.value.id,
      reference: '5.1',
      referenceKey: '5.1',
      title: 'Service intervals',
      priority: 'High',
      text: 'Service vehicles on schedule.',
      managementResponse: 'Agreed.',
      owners: [priya],
      subParts: [],
      targets: { original: parseTargetDate('September 2025'), revisions: [] },
      status: 'open',
    });
    id = saved.value.id;
  });
  afterAll(() => browser.close());

  it('the owner names a delegate, who then finds the item and writes its update on her behalf', async () => {
    const owner = await openTab(browser, `${inject('appUrl')}#/recommendations/${id}`, inject('today'));
    await signInAs(owner, 'Priya Anand');
    const delegates = owner.getByRole('region', { name: 'Delegates' });
    await delegates.getByText('There is no delegate now.').waitFor();
    await delegates.getByRole('combobox', { name: 'Find a delegate' }).fill('Tom');
    await owner.getByRole('option', { name: /Tom Hallam/ }).click();
    await delegates.getByText('Tom Hallam can now write updates for you').waitFor();
    await owner.getByText('Delegates: Tom Hallam').waitFor();
    await screenshot(owner, 'owner-names-delegate');

    const delegate = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(delegate, 'Tom Hallam');
    await delegate.getByRole('button', { name: /5\.1 Service intervals/ }).click();
    const form = delegate.getByRole('form', { name: 'Update for June 2025 on behalf of Priya Anand' });
    await form.getByLabel('What has been achieved?').fill('Schedule agreed with the workshop while Priya is away.');
    await form.getByRole('button', { name: 'Submit update' }).click();
    await delegate.getByText(/has been sent to the audit team/).waitFor();
    await delegate
      .getByRole('list', { name: 'Timeline' })
      .getByText(/by Tom Hallam on behalf of Priya Anand/)
      .waitFor();
    await screenshot(delegate, 'delegate-writes-update');
    expect(await seriousAccessibilityViolations(delegate)).toEqual([]);

    // Back from leave, Priya removes the delegate; the page reloads the item, and what Tom wrote stays, under his name.
    await delegates.getByRole('button', { name: 'Remove Tom Hallam' }).click();
    await owner.getByRole('dialog', { name: 'Remove Tom Hallam as a delegate?' }).getByRole('button', { name: 'Remove' }).click();
    await delegates.getByText('Tom Hallam no longer writes updates for you').waitFor();
    await delegates.getByText('There is no delegate now.').waitFor();
    await owner
      .getByRole('list', { name: 'Timeline' })
      .getByText(/by Tom Hallam on behalf of Priya Anand/)
      .waitFor();
  });
});
