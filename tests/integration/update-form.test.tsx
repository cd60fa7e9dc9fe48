// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import type { RecommendationDetail } from '../../src/application/ports';
import type { Session } from '../../src/application/ports';
import { parseOpinion, parseTargetDate, type OwnerUpdate } from '../../src/domain';
import { contextFor, owner, provisioned, startTestEmulator } from '../support/emulator-harness';
import { renderScreen, screenSession } from '../support/screen-session';
import { UpdateForm } from '../../src/features/owner/update-form';

const priya = { email: owner, name: 'Priya Anand' };

describe('the update form', () => {
  let emulator: Emulator;
  let session: Session;
  let detail: RecommendationDetail;
  let revisedDetail: RecommendationDetail;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const admin = await provisioned(emulator);
    const audit = await admin.store.upsertAudit({
      title: 'Payroll',
      issuedYear: 2024,
      issuedMonth: 3,
      auditor: 'Northgate',
      opinion: parseOpinion('MODERATE OPINION'),
    });
    const base = {
      auditId: audit.value.id,
      referenceKey: '4.1',
      title: 'Starters and leavers',
      priority: 'High' as const,
      text: 'Check leavers',
      managementResponse: 'Agreed',
      owners: [priya],
      subParts: [],
      status: 'open' as const,
    };
    await admin.store.upsertRecommendation({ ...base, reference: '4.1', targets: { original: parseTargetDate('March 2025'), revisions: [] } });
    await admin.store.upsertRecommendation({
      ...base,
      reference: '4.2',
      referenceKey: '4.2',
      targets: {
        original: parseTargetDate('March 2025'),
        revisions: [{ target: parseTargetDate('Aug 2025'), reason: 'Supplier', requestedBy: priya, approvedBy: 'coordinator', approvedOn: '2025-04-01' }],
      },
    });
    const ownerContext = contextFor(emulator, owner);
    const register = await ownerContext.store.loadRegister();
    const byRef = (ref: string) => register.recommendations.find((r) => r.value.reference === ref)!.value.id;
    detail = await ownerContext.store.recommendationDetail(byRef('4.1'));
    revisedDetail = await ownerContext.store.recommendationDetail(byRef('4.2'));
    session = screenSession(ownerContext, { ...priya, role: 'owner' });
  });
  afterAll(() => emulator.close());
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  function renderForm(which: RecommendationDetail = detail, onSubmitted: (u: OwnerUpdate) => void = () => {}) {
    return renderScreen(session, <UpdateForm detail={which} cycle="June 2025" onSubmitted={onSubmitted} />);
  }

  const updatesFor = async (id: string) => session.store.updatesFor(id);

  it('shows messages beside the fields and sends nothing when the update is empty', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Submit update' }));
    expect(await screen.findByText('Say what has been achieved this cycle')).toBeTruthy();
    expect(screen.getByLabelText('What has been achieved?').getAttribute('aria-invalid')).toBe('true');
    expect(await updatesFor(detail.recommendation.value.id)).toHaveLength(0);
  });

  it('requires a narrative and evidence to propose closure, keeping what was typed', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('What has been achieved?'), 'Leavers checked monthly');
    await userEvent.click(screen.getByLabelText('I propose this recommendation is closed'));
    await userEvent.click(screen.getByRole('button', { name: 'Submit update' }));
    expect(await screen.findByText('Explain how the recommendation has been met')).toBeTruthy();
    expect(screen.getByText('Add at least one piece of evidence: a file, a link, or where it is')).toBeTruthy();
    expect((screen.getByLabelText('What has been achieved?') as HTMLTextAreaElement).value).toBe('Leavers checked monthly');
  });

  it('says whether a new target date needs the panel, and refuses a past date', async () => {
    renderForm();
    await userEvent.click(screen.getByLabelText('I need a new target date'));
    expect(screen.getByText(/The audit coordinator can approve this request/)).toBeTruthy();
    expect(screen.getByText(/Original target: March 2025\. Not revised before\./)).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/New target, as you would write it/), '2025-01-31');
    await userEvent.click(screen.getByRole('button', { name: 'Submit update' }));
    expect(await screen.findByText('The new target date must be in the future')).toBeTruthy();
    expect(screen.getByText('Explain why the date must move')).toBeTruthy();
    cleanup();
    renderForm(revisedDetail);
    await userEvent.click(screen.getByLabelText('I need a new target date'));
    expect(screen.getByText(/This request goes to the panel/)).toBeTruthy();
    expect(screen.getByText(/Revised 1 time\(s\): Aug 2025 \(Supplier\)/)).toBeTruthy();
  });

  it('saves the draft as it is typed and brings it back on the next visit', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Barriers to completion, and how these may be resolved?'), 'Staff shortage');
    cleanup();
    renderForm();
    expect(screen.getByText('We restored the draft you had not sent yet.')).toBeTruthy();
    expect((screen.getByLabelText('Barriers to completion, and how these may be resolved?') as HTMLTextAreaElement).value).toBe('Staff shortage');
  });

  it('refuses an evidence file over the limit with a clear message', async () => {
    renderForm();
    await userEvent.click(screen.getByLabelText('I propose this recommendation is closed'));
    const big = new File([new Uint8Array(2 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
    await userEvent.upload(screen.getByTestId('evidence-file'), big);
    expect(await screen.findByText(/scan\.pdf is 2\.0 MB; evidence files can be at most 1\.0 MB/)).toBeTruthy();
  });

  it('adds a pasted link on Enter in the link box, without sending the update', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('What has been achieved?'), 'Procedure published');
    await userEvent.click(screen.getByLabelText('I propose this recommendation is closed'));
    await userEvent.type(
      screen.getByLabelText('Link to a SharePoint document'),
      'https://northmere.sharepoint.com/sites/audit/Leavers%20procedure.docx{Enter}',
    );
    expect(await screen.findByRole('link', { name: 'Leavers procedure.docx' })).toBeTruthy();
    expect((screen.getByLabelText('Link to a SharePoint document') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('Explain how the recommendation has been met')).toBeNull();
    expect(await updatesFor(detail.recommendation.value.id)).toHaveLength(0);
  });

  it('sends one update however often Submit is pressed, then clears the draft', async () => {
    const sent: OwnerUpdate[] = [];
    renderForm(detail, (u) => sent.push(u));
    await userEvent.type(screen.getByLabelText('What has been achieved?'), 'Monthly checks in place');
    const submit = screen.getByRole('button', { name: 'Submit update' });
    await Promise.all([userEvent.click(submit), userEvent.click(submit), userEvent.dblClick(submit)]);
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    const stored = (await updatesFor(detail.recommendation.value.id)).filter((u) => u.achieved === 'Monthly checks in place');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.cycle).toBe('June 2025');
    expect(localStorage.length).toBe(0);
  });

  it('applies one response to a sibling recommendation the owner ticks, and each shows it', async () => {
    const sent: OwnerUpdate[] = [];
    renderForm(detail, (u) => sent.push(u));
    const group = screen.getByRole('group', { name: 'Also apply this response to' });
    expect(group.textContent).toContain('4.2 Starters and leavers');
    await userEvent.click(screen.getByLabelText('4.2 Starters and leavers'));
    await userEvent.type(screen.getByLabelText('What has been achieved?'), 'One leavers check covers both');
    await userEvent.click(screen.getByRole('button', { name: 'Submit update' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.collective?.recommendationIds).toEqual([detail.recommendation.value.id, revisedDetail.recommendation.value.id]);
    for (const id of [detail.recommendation.value.id, revisedDetail.recommendation.value.id]) {
      expect((await updatesFor(id)).filter((u) => u.achieved === 'One leavers check covers both')).toHaveLength(1);
    }
  });
});
