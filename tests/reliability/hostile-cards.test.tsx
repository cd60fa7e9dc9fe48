// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { AdaptiveCard } from 'adaptivecards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { ChannelPage } from '../../src/features/coordinator/channel-page';
import type { JobContext } from '../../src/jobs/job-context';
import { coordinator, provisioned, rawCall, startTestEmulator } from '../support/emulator-harness';
import { renderScreen, screenSession } from '../support/screen-session';
import { ownerMessages } from '../../src/application/reminders/reminder-cards';
import { safeMarkdown } from '../../src/features/shared/safe-markdown';
import { priya } from '../support/builders';

/**
 * Attack: a recommendation titled to smuggle a link into the owner's reminder. Card text is markdown in Teams,
 * so the title must arrive as text, and the only live link is the tracker's own.
 */
describe('hostile text in reminder cards', () => {
  const title = 'Payroll](https://evil.example/phish) [ see https://evil.example/login';
  const [message] = ownerMessages(
    priya,
    [
      {
        key: 'k',
        step: 'due',
        owner: priya,
        items: [{ recommendationId: '7', audit: 'Payroll', reference: '4.1', title, priority: 'High', due: '2025-06-24' }],
      },
    ],
    (id) => `https://teams.microsoft.com/l/entity/app/rec?id=${id}`,
    'https://teams.microsoft.com/l/entity/app/my',
  );

  it('escapes every markdown character of the data and breaks pasted addresses', () => {
    const texts = JSON.stringify(message?.card).match(/"text":"[^"]*"/g) ?? [];
    const item = texts.find((t) => t.includes('Payroll')) ?? '';
    expect(item).not.toMatch(/\]\(https?:/);
    expect(item).not.toContain('https://evil');
  });

  it('renders, with the renderer Teams uses, no link but the tracker\u2019s own action', () => {
    AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = safeMarkdown(text);
      result.didProcess = true;
    };
    const card = new AdaptiveCard();
    card.parse(message?.card);
    const element = card.render();
    const hrefs = [...(element?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href'));
    expect(hrefs.filter((h) => h?.includes('evil'))).toEqual([]);
    expect(element?.textContent).toContain('Payroll](https:');
  });
});

describe('a card posted in the channel by someone else', () => {
  let emulator: Emulator;
  let admin: JobContext;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    admin = await provisioned(emulator);
  });
  afterAll(async () => {
    cleanup();
    await emulator.close();
  });

  it("is marked with its poster and its buttons do nothing in the coordinator's Channel tab", async () => {
    const teamId = (await rawCall(emulator, coordinator, 'GET', '/me/joinedTeams')).body.value[0].id as string;
    const channelId = (await rawCall(emulator, coordinator, 'GET', `/teams/${teamId}/channels`)).body.value[0].id as string;
    const phishing = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Your session expired' }],
      actions: [{ type: 'Action.OpenUrl', title: 'Sign in again', url: 'https://evil.example/login' }],
    };
    const posted = await rawCall(emulator, 'jordan.lead@northmere.example', 'POST', `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages`, {
      body: { contentType: 'html', content: 'Please sign in <attachment id="a1"></attachment>' },
      attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(phishing) }],
    });
    expect(posted.status).toBe(201);
    const opened: string[] = [];
    const session = screenSession(admin, { email: coordinator, name: 'Casey Marlow', role: 'coordinator' }, { openLink: (url) => opened.push(url) });
    renderScreen(session, <ChannelPage />);
    await screen.findByText(/Posted by Jordan Whitfield, not by the tracker/);
    fireEvent.click(await screen.findByRole('link', { name: 'Sign in again' }));
    expect(opened).toEqual([]);
  });
});
