import { describe, expect, it } from 'vitest';
import { TabConfiguration, type TabSettings, type TeamsPages } from './tab-configuration';

type SaveEvent = Parameters<Parameters<TeamsPages['config']['registerOnSaveHandler']>[0]>[0];

/** A stand-in for Teams' side of pages.config: it records what the page tells it and can press Save. */
function fakeTeams(setConfig: (settings: TabSettings) => Promise<void> = async () => undefined) {
  const seen = { validity: [] as boolean[], saved: [] as TabSettings[] };
  let onSave: ((event: SaveEvent) => void) | undefined;
  const teams: TeamsPages = {
    getConfig: () => Promise.reject(new Error('not configured yet')),
    config: {
      registerOnSaveHandler: (handler) => {
        onSave = handler;
      },
      setConfig: async (settings) => {
        await setConfig(settings as TabSettings);
        seen.saved.push(settings as TabSettings);
      },
      setValidityState: (valid) => {
        seen.validity.push(valid);
      },
    },
  };
  const pressSave = () =>
    new Promise<string>((resolve) => {
      let notified = false;
      const event: SaveEvent = {
        result: {},
        notifySuccess: () => {
          if (notified) throw new Error('notified twice');
          notified = true;
          resolve('success');
        },
        notifyFailure: (reason) => {
          if (notified) throw new Error('notified twice');
          notified = true;
          resolve(`failure: ${reason}`);
        },
      };
      onSave?.(event);
    });
  return { teams, seen, pressSave };
}

const panel: TabSettings = {
  entityId: 'audit-tracker-panel',
  contentUrl: 'https://tab.example/index.html?view=panel',
  websiteUrl: 'https://tab.example/index.html?view=panel',
  suggestedDisplayName: 'Audit panel paper',
};

describe('the channel tab configuration', () => {
  it('keeps Save disabled until a view is chosen, then saves that view', async () => {
    const { teams, seen, pressSave } = fakeTeams();
    const configuration = new TabConfiguration(teams);
    expect(seen.validity).toEqual([false]);
    expect(await pressSave()).toBe('failure: Choose which view the tab shows.');
    configuration.choose(panel);
    expect(seen.validity).toEqual([false, true]);
    expect(await pressSave()).toBe('success');
    expect(seen.saved).toEqual([panel]);
  });

  it('tells Teams the save failed, with the reason, when the host refuses the settings', async () => {
    const { teams, pressSave } = fakeTeams(() => Promise.reject(new Error('Invalid contentUrl')));
    new TabConfiguration(teams).choose(panel);
    expect(await pressSave()).toBe('failure: Invalid contentUrl');
  });

  it('does what the choice needs first, and saves only once that has worked', async () => {
    const { teams, seen, pressSave } = fakeTeams();
    const configuration = new TabConfiguration(teams);
    const done: string[] = [];
    configuration.choose(panel, async () => {
      expect(seen.saved).toEqual([]);
      done.push('linked');
    });
    expect(await pressSave()).toBe('success');
    expect(done).toEqual(['linked']);
    expect(seen.saved).toEqual([panel]);
  });

  it('keeps the settings unsaved, and says why, when the step before saving fails', async () => {
    const { teams, seen, pressSave } = fakeTeams();
    new TabConfiguration(teams).choose(panel, () => Promise.reject(new Error('Only the audit coordinator can link this meeting')));
    expect(await pressSave()).toBe('failure: Only the audit coordinator can link this meeting');
    expect(seen.saved).toEqual([]);
  });

  it('reads no saved address for a new tab', async () => {
    expect(await new TabConfiguration(fakeTeams().teams).savedAddress()).toBeUndefined();
  });
});
