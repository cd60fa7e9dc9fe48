/**
 * The permissions each kind of call accepts, any one of which is enough, as Microsoft Graph's and SharePoint's
 * permission tables list them (least privileged first). Tokens carry the scopes their caller asked for, so a
 * scope missing from the tab's or a job's declared list fails here as it would in a tenant.
 */
const sitesFullControl = ['Sites.FullControl.All'] as const;
const sitesManage = ['Sites.Manage.All', ...sitesFullControl] as const;
const sitesWrite = ['Sites.ReadWrite.All', ...sitesManage] as const;
const sitesRead = ['Sites.Read.All', ...sitesWrite] as const;

export const scopesFor = {
  me: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  users: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readSites: sitesRead,
  writeItems: sitesWrite,
  manageLists: sitesManage,
  readFiles: ['Files.Read.All', 'Files.ReadWrite.All', ...sitesRead],
  writeFiles: ['Files.ReadWrite.All', ...sitesWrite],
  joinedTeams: ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All', 'User.Read.All', 'User.ReadWrite.All'],
  channels: ['Channel.ReadBasic.All', 'ChannelSettings.Read.All', 'ChannelSettings.ReadWrite.All'],
  readChannelMessages: ['ChannelMessage.Read.All', 'ChannelMessage.ReadWrite', 'Group.Read.All', 'Group.ReadWrite.All'],
  sendChannelMessage: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
  sendActivityNotification: ['TeamsActivity.Send', 'TeamsActivity.Send.User'],
  readInstalledApps: [
    'TeamsAppInstallation.ReadForUser',
    'TeamsAppInstallation.ReadWriteSelfForUser',
    'TeamsAppInstallation.ReadWriteForUser',
    'TeamsAppInstallation.ReadForUser.All',
    'TeamsAppInstallation.ReadWriteForUser.All',
  ],
  /** Installing for someone else: the self-only permission does not reach another person. */
  installAppsForOthers: ['TeamsAppInstallation.ReadWriteForUser', 'TeamsAppInstallation.ReadWriteForUser.All'],
  /** SharePoint's own REST API: its scopes belong to the SharePoint resource, not to Graph. */
  readSharePoint: ['AllSites.Read', 'AllSites.Write', 'AllSites.Manage', 'AllSites.FullControl'],
  manageSharePointLists: ['AllSites.Manage', 'AllSites.FullControl'],
  sharePointPermissions: ['AllSites.FullControl'],
} as const satisfies Record<string, readonly string[]>;

/** Every scope the emulator knows: what a token may ask for, and what a token that asks for none is given. */
export const knownScopes: readonly string[] = [...new Set(Object.values(scopesFor).flat())].sort();

/** The scopes asked for that no API accepts, so a misspelt declaration is refused at sign-in. */
export const unknownScopes = (scopes: readonly string[]): string[] => scopes.filter((scope) => !knownScopes.includes(scope));
