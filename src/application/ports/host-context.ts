/** What the tab needs to know of its host. Undefined fields mean "not in that kind of tab". */
export interface HostContext {
  inTeams: true;
  user: { loginHint?: string; name?: string; tenantId?: string };
  teamId?: string;
  channelId?: string;
  /** A private or shared channel, where Workflows cannot post and only the channel's members read. */
  privateChannel?: boolean;
  /** In a Teams meeting (its chat, side panel, stage or details): the meeting chat a panel meeting is linked to. */
  meeting?: { chatId: string };
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  /** Where Teams shows the tab: content, settings, or in a meeting sidePanel and meetingStage. */
  frameContext?: string;
  /** Teams' client: desktop, web, android, ios… Mobile shows no Stageview. */
  clientType?: string;
  /** The deep link's sub-page, e.g. a recommendation id. */
  subPageId?: string;
}
