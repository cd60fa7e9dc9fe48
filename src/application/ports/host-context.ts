/** What the tab needs to know of its host. Undefined fields mean "not in that kind of tab". */
export interface HostContext {
  inTeams: true;
  user: { loginHint?: string; name?: string; tenantId?: string };
  teamId?: string;
  channelId?: string;
  /** A private or shared channel, where Workflows cannot post and only the channel's members read. */
  privateChannel?: boolean;
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  frameContext?: string;
  /** Teams' client: desktop, web, android, ios… Mobile shows no Stageview. */
  clientType?: string;
  /** The deep link's sub-page, e.g. a recommendation id. */
  subPageId?: string;
}
