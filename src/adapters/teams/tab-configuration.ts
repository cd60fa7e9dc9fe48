import type { pages } from '@microsoft/teams-js';

/** What Teams stores for a configurable tab (channel or meeting): it loads `contentUrl` there from then on. */
export interface TabSettings {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** The part of teams-js `pages` the configuration page calls, so it can be driven by a Teams-like host. */
export interface TeamsPages {
  getConfig: typeof pages.getConfig;
  config: Pick<typeof pages.config, 'registerOnSaveHandler' | 'setConfig' | 'setValidityState'>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A configurable tab's page (a channel's or a meeting's) as Teams drives it: Save stays disabled until a choice is
 * made; when the user presses Save, Teams asks us and we answer with the settings chosen at that moment.
 */
export class TabConfiguration {
  private chosen: TabSettings | undefined;

  constructor(private readonly teams: TeamsPages) {
    teams.config.registerOnSaveHandler((event) => {
      const settings = this.chosen;
      if (!settings) {
        event.notifyFailure('Choose which view the tab shows.');
        return;
      }
      teams.config.setConfig(settings).then(
        () => event.notifySuccess(),
        (error: unknown) => event.notifyFailure(messageOf(error)),
      );
    });
    teams.config.setValidityState(false);
  }

  choose(settings: TabSettings): void {
    this.chosen = settings;
    this.teams.config.setValidityState(true);
  }

  /** The address the tab already has when its settings are reopened; undefined for a new tab. */
  async savedAddress(): Promise<string | undefined> {
    try {
      return (await this.teams.getConfig()).contentUrl || undefined;
    } catch {
      return undefined;
    }
  }
}
