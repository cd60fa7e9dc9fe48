import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, seriousAccessibilityViolations } from './browser';
import { e2eGraph } from './emulator-client';
import { openInTeamsHost, teamsUser, type WireContext } from './teams-host';

const casey = 'casey.coordinator@northmere.example';
const helen = 'helen.chair@northmere.example';
const chatId = '19:meeting_YXVkaXQtcGFuZWw@thread.v2';
const inMeeting = (email: string, name: string, chat = chatId): WireContext => ({
  ...teamsUser(email, name),
  meetingId: `MCMjMiMj${chat.length}`,
  chatId: chat,
});
// Far ahead, so it is never the demo's next meeting and other tests' papers are not this one.
const meeting = { Title: 'Audit panel held in Teams', MeetingDate: '2099-03-10T10:00:00Z', UpdateDeadline: '2099-02-17T10:00:00Z', Cycle: 'February 2099' };

describe('the panel meeting inside a Teams meeting', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  const open = (email: string, name: string, frameContext: 'sidePanel' | 'content' | 'settings', extra: { chat?: string; canShareToStage?: boolean } = {}) =>
    openInTeamsHost(browser, inject('appUrl'), inject('today'), {
      path: frameContext === 'settings' ? 'index.html?configure=1' : 'index.html?view=meeting',
      frameContext,
      context: inMeeting(email, name, extra.chat),
      canShareToStage: extra.canShareToStage,
    });

  it('is added from the configuration page, which links the Teams meeting to the panel meeting chosen there', async () => {
    const created = await e2eGraph(casey, 'POST', '/sites/root/lists/AuditTrackerMeetings/items', { fields: meeting });
    expect(created.status).toBe(201);
    const host = await open(casey, 'Casey Marlow', 'settings');
    await host.page.setViewportSize({ width: 400, height: 700 });
    const choice = host.tab.getByRole('combobox', { name: 'Panel meeting' });
    await choice.selectOption((await choice.locator('option', { hasText: meeting.Title }).getAttribute('value')) ?? '');
    await expect.poll(() => host.validity()).toBe(true);
    await screenshot(host.page, 'meeting-configure');
    for (const theme of ['dark', 'contrast'] as const) {
      await host.setTheme(theme);
      await screenshot(host.page, `meeting-configure-${theme}`);
    }
    expect(await host.save()).toBe('success');
    const saved = await host.settings();
    expect(saved).toMatchObject({ entityId: 'audit-tracker-meeting', suggestedDisplayName: 'Audit panel meeting' });
    expect(new URL(saved?.contentUrl ?? '').searchParams.get('view')).toBe('meeting');
    await host.page.close();

    // Reopened, the settings show the link Save made.
    const again = await open(casey, 'Casey Marlow', 'settings');
    await again.tab.getByText('This Teams meeting already holds that panel meeting.').waitFor();
    await again.page.close();
  });

  it('is walked item by item from the side panel, with each decision confirmed and undoable, and the stage and a member follow', async () => {
    const side = await open(casey, 'Casey Marlow', 'sidePanel', { canShareToStage: true });
    await side.page.setViewportSize({ width: 320, height: 900 });
    const { tab } = side;
    await tab.getByRole('heading', { level: 1, name: meeting.Title }).waitFor();
    // Nothing is decided before the paper goes out.
    await tab.getByText(`Issue the paper for ${meeting.Title} first: the panel decides on the paper it received`).waitFor();

    // The coordinator issues it from the meeting's chat tab, which is the paper for the linked meeting.
    const chatTab = await open(casey, 'Casey Marlow', 'content');
    await chatTab.tab.getByRole('heading', { level: 1, name: meeting.Title }).waitFor();
    await chatTab.tab.getByRole('button', { name: 'Issue the paper…' }).click();
    await chatTab.tab.getByRole('dialog').getByRole('button', { name: 'Issue', exact: true }).click();
    await chatTab.tab.getByText('The paper is issued and kept in the document library').waitFor();
    await chatTab.page.close();

    await side.page.close();
    const panel = await open(casey, 'Casey Marlow', 'sidePanel', { canShareToStage: true });
    await panel.page.setViewportSize({ width: 320, height: 900 });
    const walk = panel.tab;
    const position = walk.getByText(/^Item \d+ of \d+$/);
    await position.waitFor();
    const total = Number(/of (\d+)/.exec((await position.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(2);
    expect(await position.textContent()).toBe(`Item 1 of ${total}`);
    const firstTitle = (await walk.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    await walk.getByText('Proposed closed', { exact: true }).waitFor();

    await walk.getByRole('button', { name: 'Share to the meeting stage' }).click();
    await expect.poll(() => panel.stageUrl()).toMatch(/\/index\.html\?view=meeting$/);
    const stage = panel.stage;
    await stage.getByRole('heading', { level: 1, name: firstTitle }).waitFor();
    expect(await stage.getByText('Casey Marlow').count()).toBe(0);

    await walk.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => position.textContent()).toBe(`Item 2 of ${total}`);
    const secondTitle = (await walk.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    expect(secondTitle).not.toBe(firstTitle);
    await stage.getByRole('heading', { level: 1, name: secondTitle }).waitFor({ timeout: 15_000 });

    // A member's side panel follows the stage, read-only.
    const member = await open(helen, 'Helen Ashworth', 'sidePanel');
    await member.page.setViewportSize({ width: 320, height: 900 });
    await member.tab.getByText('Casey Marlow runs this meeting; you follow the item on the stage here.').waitFor();
    await expect.poll(() => member.tab.getByText(/^Item \d+ of \d+$/).textContent()).toBe(`Item 2 of ${total}`);
    expect(await member.tab.getByRole('button', { name: 'Agreed', exact: true }).count()).toBe(0);
    expect(await member.tab.getByRole('button', { name: 'Share to the meeting stage' }).count()).toBe(0);

    // Each decision asks first; the stage and the member see it; one recorded in error is undone.
    await walk.getByRole('button', { name: 'Agreed', exact: true }).click();
    await walk.getByRole('dialog').getByText('The item will be closed.').waitFor();
    await screenshot(panel.page, 'meeting-side-panel-confirm');
    await walk.getByRole('dialog').getByRole('button', { name: 'Record' }).click();
    await walk.getByText(/^Closure of .* agreed/).waitFor();
    await walk.getByText('Closure agreed by the panel', { exact: true }).first().waitFor();
    await stage.getByText('Closure agreed by the panel', { exact: true }).waitFor({ timeout: 15_000 });
    await member.tab.getByText('Closure agreed by the panel', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await position.textContent()).toBe(`Item 2 of ${total}`);
    await screenshot(panel.page, 'meeting-side-panel-and-stage');
    await walk
      .getByRole('button', { name: /^Undo for / })
      .first()
      .click();
    await walk.getByRole('dialog').getByRole('button', { name: 'Undo the decision' }).click();
    await walk.getByText(/is undone$/).waitFor();
    await stage.getByText('Before the panel', { exact: true }).waitFor({ timeout: 15_000 });

    await walk.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => member.tab.getByText(/^Item \d+ of \d+$/).textContent(), { timeout: 15_000 }).toBe(`Item 3 of ${total}`);
    expect(await seriousAccessibilityViolations(panel.frame())).toEqual([]);
    for (const theme of ['dark', 'contrast'] as const) {
      await panel.setTheme(theme);
      await member.setTheme(theme);
      await screenshot(panel.page, `meeting-side-panel-${theme}`);
      await screenshot(member.page, `meeting-member-${theme}`);
    }
    await screenshot(member.page, 'meeting-member');
    await Promise.all([panel.page.close(), member.page.close()]);
  });

  it('refuses the link to anyone but the coordinator, on the configuration page and the side panel alike, and says so when unlinked', async () => {
    const another = '19:meeting_another@thread.v2';
    const settings = await open(helen, 'Helen Ashworth', 'settings', { chat: another });
    await settings.tab.getByRole('combobox', { name: 'Panel meeting' }).waitFor();
    expect(await settings.save()).toMatch(/^failure: Only the audit coordinator can link this meeting; SharePoint refused: Access denied/);
    expect(await settings.settings()).toBeUndefined();
    // She may still add the tab and leave the link to the coordinator.
    await settings.tab.getByRole('checkbox', { name: 'Link this Teams meeting to a panel meeting when I save' }).uncheck();
    expect(await settings.save()).toBe('success');
    await settings.page.close();

    const host = await open(helen, 'Helen Ashworth', 'sidePanel', { chat: another });
    await host.page.setViewportSize({ width: 320, height: 700 });
    await host.tab.getByRole('heading', { name: 'This Teams meeting is not linked to a panel meeting' }).waitFor();
    await host.tab.getByRole('button', { name: 'Link this meeting' }).click();
    await host.tab.getByText(/^Only the audit coordinator can link this meeting; SharePoint refused: Access denied/).waitFor();
    await screenshot(host.page, 'meeting-not-linked');
    await host.page.close();
  });
});
