// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import type { Session } from '../../src/application/ports';
import { AuditsPage } from '../../src/features/coordinator/audits-page';
import { ChannelPage } from '../../src/features/coordinator/channel-page';
import { RegisterPage } from '../../src/features/coordinator/register-page';
import { ReviewPage } from '../../src/features/coordinator/review-page';
import { MyRecommendationsPage } from '../../src/features/owner/my-recommendations-page';
import { RecommendationPage } from '../../src/features/owner/recommendation-page';
import { PaperPage } from '../../src/features/panel/paper-page';
import { contextFor, coordinator, owner, provisioned, startTestEmulator } from '../support/emulator-harness';
import { renderScreen, screenSession } from '../support/screen-session';

const casey = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' as const };
const open = (): void => undefined;

/** Every screen that loads data: what it says while loading, when the load fails, and with nothing to show. */
const screens: { name: string; as: 'owner' | 'coordinator'; element: ReactElement; loading: string; failed: string; empty: string | RegExp }[] = [
  {
    name: 'My recommendations',
    as: 'owner',
    element: <MyRecommendationsPage onOpen={open} />,
    loading: 'Loading your recommendations…',
    failed: 'Your recommendations could not be loaded',
    empty: 'You do not own any recommendations.',
  },
  {
    name: 'Register',
    as: 'coordinator',
    element: <RegisterPage onOpen={open} />,
    loading: 'Loading the register…',
    failed: 'The register could not be loaded',
    empty: '0 of 0 recommendations',
  },
  {
    name: 'Review',
    as: 'coordinator',
    element: <ReviewPage onOpen={open} />,
    loading: 'Loading what needs review…',
    failed: 'The review queue could not be loaded',
    empty: 'No proposals are waiting.',
  },
  {
    name: 'Audits',
    as: 'coordinator',
    element: <AuditsPage onOpen={open} />,
    loading: 'Loading audits…',
    failed: 'Audits could not be loaded',
    empty: /^No audits yet/,
  },
  {
    name: 'Channel',
    as: 'coordinator',
    element: <ChannelPage />,
    loading: 'Loading the channel…',
    failed: 'The channel could not be read',
    empty: 'No messages yet.',
  },
  {
    name: 'Panel paper',
    as: 'coordinator',
    element: <PaperPage canDecide onOpen={() => undefined} />,
    loading: 'Compiling the paper…',
    failed: 'The paper could not be compiled',
    empty: 'No panel meeting has been set up yet.',
  },
  {
    name: 'Recommendation',
    as: 'owner',
    element: <RecommendationPage id="1" onBack={open} backLabel="My recommendations" />,
    loading: 'Loading the recommendation…',
    failed: 'This recommendation could not be loaded',
    empty: 'This recommendation could not be loaded',
  },
];

describe('every screen shows its loading, error and empty states', () => {
  let emulator: Emulator;
  let closed: Emulator;
  const sessions: Record<'live' | 'down', Record<'owner' | 'coordinator', Session>> = { live: {} as never, down: {} as never };

  beforeAll(async () => {
    emulator = await startTestEmulator();
    await provisioned(emulator);
    // An emulator that has gone away: every request fails as a network failure does.
    closed = await startTestEmulator();
    await closed.close();
    for (const [state, target] of [
      ['live', emulator],
      ['down', closed],
    ] as const) {
      sessions[state] = {
        owner: screenSession(contextFor(target, owner), { email: owner, name: 'Priya Anand', role: 'owner' }),
        coordinator: screenSession(contextFor(target, coordinator), casey),
      };
    }
  });
  afterAll(() => emulator.close());
  afterEach(cleanup);

  it.each(screens)('$name: a spinner while loading', async ({ as, element, loading }) => {
    emulator.setLatency(2_000);
    try {
      renderScreen(sessions.live[as], element);
      expect(screen.getByText(loading)).toBeTruthy();
    } finally {
      emulator.setLatency(0);
    }
  });

  it.each(screens)('$name: the reason and Try again when the load fails', async ({ as, element, failed }) => {
    renderScreen(sessions.down[as], element);
    expect(await screen.findByText(new RegExp(`^${failed}:`), undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it.each(screens)('$name: says so when there is nothing to show', async ({ as, element, empty }) => {
    renderScreen(sessions.live[as], element);
    expect(
      await screen.findByText(typeof empty === 'string' ? new RegExp(`^${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : empty, undefined, {
        timeout: 10_000,
      }),
    ).toBeTruthy();
  });
});
