import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { panelPaperDocument } from '../../src/adapters/documents/paper-docx';
import { registerRows } from '../../src/adapters/documents/register-xlsx';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { GraphReminderLog } from '../../src/adapters/graph/graph-reminder-log';
import { GraphChannelNotifier } from '../../src/adapters/graph/graph-channel-notifier';
import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import { issuePaper } from '../../src/application/panel/issue-paper';
import { compileMeetingPaper } from '../../src/application/panel/meeting-paper';
import { recordClosureDecision } from '../../src/application/panel/panel-decisions';
import { ConflictError } from '../../src/application/ports';
import { reminderLinks } from '../../src/application/reminders/reminder-links';
import { runReminders } from '../../src/application/reminders/reminders';
import { performTransition } from '../../src/application/coordinator/review';
import type { Actor } from '../../src/application/shared/actor';
import { submitUpdate } from '../../src/application/owner/submit-update';
import { newDraft } from '../../src/application/owner/update-draft';
import { organisationToday, parseOpinion, parseTargetDate, templateColumns } from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { contextFor, coordinator, owner, provisioned, rawCall, startTestEmulator } from '../support/emulator-harness';
import { reliabilityReport, type CheckOutcome } from '../support/reliability-report';
// The attacks, each its own describe with its own emulator, run in this file so the report counts them.
import { accessMatrix } from './access-matrix.attack';
import './after-acceptance.attack';
import './embedded-default.attack';
import './forged-updates.attack';
import './hostile-imports.attack';
import './lost-answers.attack';
import './trail-under-crashes.attack';

/**
 * The reliability suite: every main flow under 20% injected 429/503 (and lost answers), concurrent edits,
 * the access matrix as raw Graph calls, and hostile input. Its figures go to RELIABILITY.md.
 */
const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const priya: Actor = { email: owner, name: 'Priya Anand', role: 'owner' };
const figures = new Map<string, CheckOutcome['figures']>();
/** A figure of the check that is running, kept for the report if the check passes. */
const figure = (value: CheckOutcome['figures'][number]): void => {
  const check = expect.getState().currentTestName?.split(' > ').at(-1) ?? '';
  figures.set(check, [...(figures.get(check) ?? []), value]);
};
let conflictsDetected = 0;
let keyCounter = 0;
const key = () => `rel-${++keyCounter}-${Date.now()}`;

describe('reliability', () => {
  let emulator: Emulator;
  let admin: JobContext;
  let auditId: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    admin = await provisioned(emulator);
    auditId = (
      await admin.store.upsertAudit({ title: 'Reliability', issuedYear: 2024, issuedMonth: 4, auditor: 'Northgate', opinion: parseOpinion('MODERATE OPINION') })
    ).value.id;
    await admin.store.saveMeeting({ title: 'Panel', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' });
  });
  // Vitest requires the fixture argument to be destructured; the suite, with each check's result, comes second.
  // eslint-disable-next-line no-empty-pattern
  afterAll(async ({}, suite) => {
    const faults = emulator.faults.injected;
    // Each check as it ended: a failed one is named and its figures left out; a filtered run writes nothing.
    // Every check of the file: this suite's flows and each attack's, named by the attack.
    const outcomes = suite.file.tasks.flatMap((group) =>
      (group.type === 'suite' ? group.tasks : []).map((task): CheckOutcome => ({
        name: task.name,
        group: group.name === 'reliability' ? undefined : group.name,
        state: task.result?.state === 'pass' ? 'passed' : task.result?.state === 'fail' ? 'failed' : 'skipped',
        figures: figures.get(task.name) ?? [],
      })),
    );
    const report = reliabilityReport(outcomes, {
      date: organisationToday(),
      throttled: faults.throttled,
      lost: faults.lost,
      conflicts: conflictsDetected,
      accessCells: accessMatrix.cells,
    });
    if (report) writeFileSync(join(import.meta.dirname, '../../RELIABILITY.md'), report);
    await emulator.close();
  });

  const faulty = () => {
    emulator.faults.plan = {
      throttle: [
        { status: 429, probability: 0.1 },
        { status: 503, probability: 0.1 },
      ],
      lost: 0.05,
    };
  };
  const calm = () => {
    emulator.faults.plan = { throttle: [], lost: 0 };
  };
  const recommendation = (reference: string) =>
    admin.store.upsertRecommendation({
      auditId,
      reference,
      referenceKey: reference,
      title: `R ${reference}`,
      priority: 'Medium',
      text: 't',
      managementResponse: 'm',
      owners: [{ email: owner, name: 'Priya Anand' }],
      subParts: [],
      targets: { original: parseTargetDate('March 2025'), revisions: [] },
      status: 'open',
    });
  const persist = async <T>(work: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await work();
      } catch (error) {
        if (error instanceof ConflictError) throw error;
      }
    }
  };

  it('owner updates with evidence, coordinator review and panel decisions complete under faults, exactly once', async () => {
    const ids = await Promise.all(['1', '2', '3', '4', '5', '6'].map(async (r) => (await recommendation(r)).value.id));
    const ownerContext = contextFor(emulator, owner);
    const evidence = new GraphEvidenceStore(ownerContext.graph, 'root');
    faulty();
    try {
      for (const id of ids) {
        const opened = await persist(() => ownerContext.store.getRecommendation(id));
        const ref = await persist(() =>
          evidence.upload(`${id}/proof`, { name: 'proof.txt', type: 'text/plain', bytes: new TextEncoder().encode(`proof ${id}`) }),
        );
        const draft = {
          ...newDraft(opened, key),
          achieved: 'Done',
          proposesClosure: true,
          closureNarrative: 'Met',
          evidence: [ref],
          requestNewTarget: true,
          newTargetDate: '2026-01-31',
          newTargetReason: 'Checks',
        };
        const result = await persist(() => submitUpdate(ownerContext.store, draft, priya, 'June 2025', new Date('2025-06-20T10:00:00Z')));
        expect(result.kind).toBe('submitted');
        await persist(async () =>
          performTransition(admin.store, await admin.store.recommendationDetail(id), 'acceptForPanel', casey, new Date(), {
            evidence: new GraphEvidenceStore(admin.graph, admin.siteId),
          }).catch(async (e: unknown) => {
            if ((await admin.store.getRecommendation(id)).value.status === 'acceptedForPanel') return undefined;
            throw e;
          }),
        );
      }
      // The panel decides on the paper it was issued, once, whatever answers are lost.
      const meeting = await persist(async () => {
        const paper = await compileMeetingPaper(admin.store, '2025-07-15', '2025-06-25');
        if (paper.meeting.issued) return paper.meeting;
        const bytes = new TextEncoder().encode('The July paper');
        return issuePaper(admin.store, new GraphEvidenceStore(admin.graph, admin.siteId), paper, bytes, casey, new Date());
      });
      for (const id of ids) {
        await persist(async () =>
          recordClosureDecision(admin.store, id, { kind: 'agree' }, { actor: casey, now: new Date(), meetingId: meeting.id }).catch(async (e: unknown) => {
            if ((await admin.store.getRecommendation(id)).value.status === 'closed') return undefined;
            throw e;
          }),
        );
      }
    } finally {
      calm();
    }
    for (const id of ids) {
      const detail = await admin.store.recommendationDetail(id);
      expect(detail.recommendation.value.status).toBe('closed');
      expect(detail.updates).toHaveLength(1);
      expect(detail.updates[0]?.evidence).toHaveLength(1);
      expect(detail.decisions.map((d) => d.kind)).toEqual(['acceptForPanel', 'panelAgreeClosure']);
    }
    figure({
      flow: 'owner update with evidence, review, panel decision',
      runs: ids.length,
      detail: 'one update, one evidence file, two decisions each; all closed',
    });
  });

  it('an import and a reminder run complete under faults without duplicates', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      'Reliability import',
      'May 2024',
      'LIMITED OPINION',
      `9.${i + 1}`,
      `Imported ${i + 1}`,
      'High',
      '',
      '',
      'Priya Anand',
      owner,
      'Q2 2025',
      '',
      'Open',
      `Work begun (${i + 1})`,
    ]);
    const table = [[...templateColumns], ...rows];
    faulty();
    try {
      await persist(async () => applyImport(admin.store, await previewImport(admin.store, table, '2025-06-01'), casey, new Date()));
      await persist(async () => applyImport(admin.store, await previewImport(admin.store, table, '2025-06-01'), casey, new Date()));
    } finally {
      calm();
    }
    const imported = (await admin.store.loadRegister()).recommendations.filter((r) => r.value.title.startsWith('Imported '));
    expect(imported).toHaveLength(30);
    for (const recommendation of imported)
      expect((await admin.store.updatesFor(recommendation.value.id)).filter((u) => u.kind === 'coordinatorNote')).toHaveLength(1);
    figure({ flow: 'import of 30 rows, run twice', runs: 2, detail: '30 recommendations, each with one imported note; no duplicates' });

    const team = (await rawCall(emulator, coordinator, 'GET', '/me/joinedTeams')).body.value[0].id;
    const channel = (await rawCall(emulator, coordinator, 'GET', `/teams/${team}/channels`)).body.value[0].id;
    const notifier = new GraphChannelNotifier(admin.graph, team, channel);
    const log = new GraphReminderLog(admin.gateway);
    faulty();
    let first;
    try {
      first = await persist(() =>
        runReminders({
          store: admin.store,
          log,
          notifier,
          now: new Date('2025-06-17T08:00:00Z'),
          links: reminderLinks({ appUrl: 'http://x' }),
          retry: { attempts: 6, backoffMs: 1 },
        }),
      );
    } finally {
      calm();
    }
    const again = await runReminders({
      store: admin.store,
      log,
      notifier,
      now: new Date('2025-06-17T09:00:00Z'),
      links: reminderLinks({ appUrl: 'http://x' }),
    });
    expect(first.sent + first.failed.length).toBeGreaterThan(0);
    expect(again.sent).toBe(first.failed.length);
    // A post whose answer was lost is found in the channel, not sent twice: every card in the channel is distinct.
    const posted = (await rawCall(emulator, coordinator, 'GET', `/teams/${team}/channels/${encodeURIComponent(channel)}/messages?$top=50`)).body.value as {
      attachments: { id: string }[];
    }[];
    const cardIds = posted.flatMap((m) => m.attachments.map((a) => a.id));
    expect(new Set(cardIds).size).toBe(cardIds.length);
    figure({
      flow: 'reminder run, then the same day again',
      runs: 2,
      detail: `${first.sent} sent; the second run sent only the ${first.failed.length} that had failed`,
    });
  });

  it('detects two people editing the same recommendation and loses neither', async () => {
    const id = (await recommendation('c1')).value.id;
    const seen = await admin.store.getRecommendation(id);
    const jordan = contextFor(emulator, 'jordan.lead@northmere.example');
    await jordan.store.saveRecommendation({ ...seen, value: { ...seen.value, title: 'Jordan title' } });
    const clash = await admin.store.saveRecommendation({ ...seen, value: { ...seen.value, text: 'Casey text' } }).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(ConflictError);
    conflictsDetected++;
    const conflict = clash as ConflictError<typeof seen.value>;
    expect(conflict.theirs.value.title).toBe('Jordan title');
    await admin.store.saveRecommendation({ ...conflict.theirs, value: { ...conflict.theirs.value, text: conflict.mine.text } });
    expect((await admin.store.getRecommendation(id)).value).toMatchObject({ title: 'Jordan title', text: 'Casey text' });
    figure({ flow: 'two coordinators edit one recommendation', runs: 1, detail: 'conflict shown with both versions; both changes kept after merging' });
  });

  it('runs ten edits of one recommendation at the same time, by two coordinators, and loses none', async () => {
    const id = (await recommendation('c2')).value.id;
    const jordan = contextFor(emulator, 'jordan.lead@northmere.example');
    const markers = Array.from({ length: 10 }, (_, i) => `edit-${i}`);
    let clashes = 0;
    // Each person reads, changes and saves; a ConflictError means someone saved first: read again and redo.
    await Promise.all(
      markers.map(async (marker, i) => {
        const who = i % 2 === 0 ? admin : jordan;
        for (;;) {
          const seen = await who.store.getRecommendation(id);
          const closureCondition = [seen.value.closureCondition, marker].filter(Boolean).join(' ');
          try {
            await who.store.saveRecommendation({ ...seen, value: { ...seen.value, closureCondition } });
            return;
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            clashes++;
          }
        }
      }),
    );
    conflictsDetected += clashes;
    const kept = (await admin.store.getRecommendation(id)).value.closureCondition?.split(' ') ?? [];
    expect([...kept].sort()).toEqual([...markers].sort());
    figure({
      flow: 'ten concurrent edits of one recommendation',
      runs: 10,
      detail: `${clashes} conflicts detected and redone; all 10 edits kept, none overwritten`,
    });
  });

  it('stores hostile text intact and renders it inert in the paper, the export and the store', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> =cmd|"/c calc"!A1 \u202eevil\u202c \u0007 مرحبا 👩🏽‍💻';
    const saved = await admin.store.upsertRecommendation({
      auditId,
      reference: 'h1',
      referenceKey: 'h1',
      title: 'Hostile',
      priority: 'Low',
      text: hostile,
      managementResponse: hostile.repeat(15000),
      owners: [],
      subParts: [],
      targets: { original: parseTargetDate('TBC'), revisions: [] },
      status: 'open',
    });
    const back = (await admin.store.getRecommendation(saved.value.id)).value;
    expect(back.text).toBe(hostile);
    expect(back.managementResponse).toHaveLength(hostile.length * 15000);
    expect(back.managementResponse.length).toBeGreaterThan(1_000_000);
    const paper = await compileMeetingPaper(admin.store, '2025-07-15', '2025-06-01');
    const xml = (await (await JSZip.loadAsync(await Packer.toBuffer(panelPaperDocument(paper)))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    const data = await admin.store.paperData('2000-01-01');
    const row = registerRows(
      data.audits,
      data.recommendations.filter((r) => r.id === saved.value.id),
      [],
    )[0];
    expect(row?.[6]?.startsWith('<script>')).toBe(true);
    expect(registerRows(data.audits, [{ ...back, title: '=cmd|"/c calc"!A1' }], [])[0]?.[4]).toBe('\'=cmd|"/c calc"!A1');
    const imported = await applyImport(
      admin.store,
      await previewImport(
        admin.store,
        [[...templateColumns], ['Hostile import', 'May 2024', 'LIMITED OPINION', 'h2', '=1+1 <b>bold</b>', 'Low', hostile, '', '', '', 'TBC', '', 'Open', '']],
        '2025-06-01',
      ),
      casey,
      new Date(),
    );
    expect(imported.written).toBe(1);
    const fromImport = (await admin.store.loadRegister()).recommendations.find((r) => r.value.reference === 'h2')?.value;
    expect(fromImport).toMatchObject({ title: '=1+1 <b>bold</b>', text: hostile.replace(/[ \t]+/g, ' ').trim() });
    const tooLong = await submitUpdate(
      contextFor(emulator, owner).store,
      { ...newDraft({ value: { ...back, owners: [{ email: owner, name: 'P' }] }, etag: 'x' }, key), achieved: 'x'.repeat(1_000_001) },
      priya,
      'June 2025',
      new Date(),
    );
    expect(tooLong).toMatchObject({ kind: 'invalid', errors: { achieved: 'Keep each answer under 100,000 characters' } });
    figure({
      flow: 'hostile text: scripts, formula, RTL, control characters, emoji, a 1 MB field',
      runs: 1,
      detail: 'stored intact through the store and the import; escaped in the .docx; formula neutralised in .xlsx; 1 MB answer refused with a message',
    });
  });
});
