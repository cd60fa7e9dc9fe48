// @vitest-environment jsdom
import { AdaptiveCard } from 'adaptivecards';
import { describe, expect, it } from 'vitest';
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
    [{ key: 'k', step: 'due', owner: priya, items: [{ recommendationId: '7', reference: '4.1', title, priority: 'High', due: '2025-06-24' }] }],
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
