// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { documentFiles } from '../../src/adapters/documents/document-files';
import { performTransition } from '../../src/application/coordinator/review';
import type { Actor } from '../../src/application/shared/actor';
import type { Session } from '../../src/application/ports';
import { parseOpinion, type Recommendation } from '../../src/domain';
import { AuditsPage } from '../../src/features/coordinator/audits-page';
import { RegisterPage } from '../../src/features/coordinator/register-page';
import { MyRecommendationsPage } from '../../src/features/owner/my-recommendations-page';
import { RecommendationPage } from '../../src/features/owner/recommendation-page';
import type { JobContext } from '../../src/jobs/job-context';
import { contextFor, coordinator, owner, provisioned, startTestEmulator } from '../support/emulator-harness';
import { aRecommendation, anUpdate, priya } from '../support/builders';
import { renderScreen, screenSession } from '../support/screen-session';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };

describe('the coordinator and owner screens against the emulator', () => {
  let emulator: Emulator;
  let admin: JobContext;
  let session: Session;
  let ownerSession: Session;
  let auditId: string;
  let original: Recommendation;
  const exported: Blob[] = [];

  beforeAll(async () => {
    emulator = await startTestEmulator();
    admin = await provisioned(emulator);
    auditId = (
      await admin.store.upsertAudit({
        title: 'Procurement',
        issuedYear: 2024,
        issuedMonth: 2,
        auditor: 'Northgate Audit LLP',
        opinion: parseOpinion('LIMITED OPINION'),
      })
    ).value.id;
    original = (await admin.store.createRecommendation(aRecommendation(auditId, '2.1', { title: 'Contract register', priority: 'High' }))).value;
    session = screenSession(admin, casey, {
      // The download is the browser's; what the register page hands it is what the file holds.
      documents: {
        ...documentFiles,
        registerXlsx: async (data) => {
          const blob = await documentFiles.registerXlsx(data);
          exported.push(blob);
          return blob;
        },
      },
    });
    ownerSession = screenSession(contextFor(emulator, owner), { ...priya, role: 'owner' });
  });
  afterAll(() => emulator.close());
  afterEach(cleanup);

  const addForm = async () => {
    renderScreen(session, <AuditsPage onOpen={(id) => opened.push(id)} />);
    await userEvent.click(await screen.findByText(/^Add a recommendation to Procurement/));
    return screen.getByText(/^Add a recommendation to Procurement/).closest('details') as HTMLElement;
  };
  const opened: string[] = [];

  it('refuses a reference the audit already has, names the item and offers to open it', async () => {
    const form = await addForm();
    await userEvent.type(within(form).getByLabelText(/^Reference/), '2.1');
    await userEvent.type(within(form).getByLabelText(/^Short title/), 'Overwrites the original');
    await userEvent.type(within(form).getByLabelText('Find an owner'), 'Priya{Enter}');
    await userEvent.click(within(form).getByRole('button', { name: 'Add recommendation' }));
    expect(await within(form).findByText(/^This audit already has recommendation 2\.1 "Contract register"/)).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Open it' }));
    expect(opened).toEqual([original.id]);
    expect((await admin.store.getRecommendation(original.id)).value).toMatchObject({ title: 'Contract register', priority: 'High' });
  });

  it('shows plain messages on the fields, and clears the form after a save', async () => {
    const form = await addForm();
    await userEvent.click(within(form).getByRole('button', { name: 'Add recommendation' }));
    expect(await within(form).findByText('A reference is required')).toBeTruthy();
    expect(within(form).getByText('A short title is required')).toBeTruthy();
    expect(within(form).queryByText(/Too small|reference key/)).toBeNull();
    expect(
      within(form)
        .getByLabelText(/^Reference/)
        .getAttribute('aria-invalid'),
    ).toBe('true');

    await userEvent.type(within(form).getByLabelText(/^Reference/), '2.2');
    await userEvent.type(within(form).getByLabelText(/^Short title/), 'Waivers');
    await userEvent.type(within(form).getByLabelText('Find an owner'), 'Raj');
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Raj Dhillon')]);
    await userEvent.keyboard('{Enter}');
    const chosen = () => within(within(form).getByRole('listbox', { name: 'Chosen owners' }));
    expect(chosen().getByText('Raj Dhillon')).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Add recommendation' }));
    expect(await within(form).findByText('Recommendation 2.2 added')).toBeTruthy();
    expect((within(form).getByLabelText(/^Reference/) as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText(/^Short title/) as HTMLInputElement).value).toBe('');
    expect(within(form).queryByRole('option', { name: /Raj Dhillon/ })).toBeNull();
    const saved = (await admin.store.loadRegister()).recommendations.find((r) => r.value.reference === '2.2');
    expect(saved?.value.owners).toEqual([{ email: 'raj.procurement@northmere.example', name: 'Raj Dhillon' }]);
  });

  it('asks before saving without an owner, and the register flags the item', async () => {
    const form = await addForm();
    await userEvent.type(within(form).getByLabelText(/^Reference/), '2.3');
    await userEvent.type(within(form).getByLabelText(/^Short title/), 'Contract training');
    await userEvent.click(within(form).getByRole('button', { name: 'Add recommendation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save without an owner?' });
    expect((await admin.store.loadRegister()).recommendations.some((r) => r.value.reference === '2.3')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save without an owner' }));
    expect(await within(form).findByText('Recommendation 2.3 added')).toBeTruthy();
    cleanup();
    renderScreen(session, <RegisterPage onOpen={() => undefined} />);
    const row = (await screen.findByText('2.3 Contract training')).closest('tr') as HTMLElement;
    expect(within(row).getByText('No owner')).toBeTruthy();
  });

  it('exports what the register shows: the filtered rows, with an owner’s proposal as Implemented, which waits for review when imported', async () => {
    await ownerSession.store.addUpdate(
      anUpdate(original.id, {
        proposesClosure: true,
        closureNarrative: 'The register is published',
        evidence: [{ name: 'register.xlsx', url: 'https://example.org/register.xlsx' }],
        submittedAt: new Date().toISOString(),
      }),
    );
    renderScreen(session, <RegisterPage onOpen={() => undefined} />);
    await userEvent.selectOptions(await screen.findByLabelText('Status'), 'proposedClosed');
    await waitFor(() => expect(screen.getByText(/ of \d+ recommendations$/).textContent).toBe('1 of 3 recommendations'));
    await userEvent.click(screen.getByRole('button', { name: 'Download these 1 (.xlsx)' }));
    await waitFor(() => expect(exported).toHaveLength(1));
    const rowsOf = async (blob: Blob) => {
      const workbook = new ExcelJS.Workbook();
      // jsdom's Blob has no arrayBuffer(); its FileReader reads one.
      const bytes = await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(blob);
      });
      await workbook.xlsx.load(bytes);
      const values: string[][] = [];
      workbook.worksheets[0]?.eachRow((row) => values.push((row.values as string[]).slice(1)));
      return values.slice(1);
    };
    const shown = await rowsOf(exported[0] as Blob);
    expect(shown.map((r) => [r[3], r[12]])).toEqual([['2.1', 'Implemented']]);
    await userEvent.click(screen.getByRole('button', { name: 'Download the whole register' }));
    await waitFor(() => expect(exported).toHaveLength(2));
    expect((await rowsOf(exported[1] as Blob)).map((r) => r[3]).sort()).toEqual(['2.1', '2.2', '2.3']);
  });

  it('keeps the return and its reason in the timeline after the next decision, and names people', async () => {
    const detail = await admin.store.recommendationDetail(original.id);
    await performTransition(admin.store, detail, 'returnToOwner', casey, new Date(), { reason: 'The register is not yet signed off' });
    renderScreen(ownerSession, <MyRecommendationsPage onOpen={() => undefined} />);
    const row = (await screen.findByText('2.1 Contract register')).closest('li') as HTMLElement;
    expect(within(row).getByText('Action needed')).toBeTruthy();
    expect(within(row).getByText('The register is not yet signed off')).toBeTruthy();
    expect(screen.getByText(/^No panel meeting is scheduled yet; 1 item needs your action\./)).toBeTruthy();
    cleanup();
    renderScreen(ownerSession, <RecommendationPage id={original.id} onBack={() => undefined} backLabel="My recommendations" />);
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    expect(within(timeline).getByText('Closure returned to the owner')).toBeTruthy();
    expect(within(timeline).getByText(/by Casey Marlow: The register is not yet signed off/)).toBeTruthy();
    expect(within(timeline).queryByText(new RegExp(coordinator))).toBeNull();
  });
});
