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

/** What Save does before Teams stores the settings (a meeting's link to a panel meeting); its failure stops the save. */
export type BeforeSave = () => Promise<unknown>;

/**
 * A configurable tab's page (a channel's or a meeting's) as Teams drives it: Save stays disabled until a choice is
 * made; when the user presses Save, Teams asks us and we answer with the settings chosen at that moment, after
 * doing what the choice needs done first.
 */
export class TabConfiguration {
  private chosen: { settings: TabSettings; beforeSave?: BeforeSave } | undefined;

  constructor(private readonly teams: TeamsPages) {
    teams.config.registerOnSaveHandler((event) => {
      const chosen = this.chosen;
      if (!chosen) {
        event.notifyFailure('Choose which view the tab shows.');
        return;
      }
      Promise.resolve()
        .then(chosen.beforeSave)
        .then(() => teams.config.setConfig(chosen.settings))
        .then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(messageOf(error)),
        );
    });
    teams.config.setValidityState(false);
  }

  choose(settings: TabSettings, beforeSave?: BeforeSave): void {
    this.chosen = { settings, beforeSave };
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
