import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type ColumnType = 'text' | 'note' | 'choice' | 'dateTime' | 'boolean' | 'number';
/** A named SharePoint level (fullControl, edit, contribute, read, none) or a custom one, `custom:<rights>`. */
export type PermissionLevel = string;
export type RolePermissions = Record<'coordinator' | 'owner' | 'panel', PermissionLevel>;

export interface ColumnRow {
  name: string;
  type: ColumnType;
  indexed: boolean;
  required: boolean;
  enforceUnique: boolean;
  choices: string[];
  maxLength: number | null;
}

export interface ListRow {
  id: string;
  siteId: string;
  name: string;
  displayName: string;
  template: 'genericList' | 'documentLibrary';
  created: string;
  permissions: RolePermissions | null;
  writeSecurity: 1 | 2;
}

export interface ItemRow {
  listId: string;
  id: number;
  guid: string;
  version: number;
  fields: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  modifiedBy: string;
  modifiedAt: string;
  deleted: boolean;
  seq: number;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: 'coordinator' | 'owner' | 'panel';
  jobTitle: string;
  /** The site's owner (Full Control): the one who may set permissions, as an Edit member cannot. */
  siteOwner?: boolean;
  /** The sign-in name, when it is not the mail address. */
  userPrincipalName?: string;
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, email TEXT UNIQUE NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, job_title TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (id TEXT PRIMARY KEY, hostname TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL, display_name TEXT NOT NULL, template TEXT NOT NULL,
  created TEXT NOT NULL, permissions TEXT, write_security INTEGER NOT NULL DEFAULT 1, next_item_id INTEGER NOT NULL DEFAULT 1,
  UNIQUE (site_id, name));
CREATE TABLE IF NOT EXISTS columns (
  list_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, indexed INTEGER NOT NULL, required INTEGER NOT NULL,
  enforce_unique INTEGER NOT NULL, choices TEXT NOT NULL, max_length INTEGER, position INTEGER NOT NULL,
  PRIMARY KEY (list_id, name));
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, guid TEXT NOT NULL, version INTEGER NOT NULL, fields TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, modified_by TEXT NOT NULL, modified_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, PRIMARY KEY (list_id, id));
CREATE INDEX IF NOT EXISTS items_seq ON items (list_id, seq);
CREATE TABLE IF NOT EXISTS drive_items (
  id TEXT PRIMARY KEY, list_id TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
  mime_type TEXT NOT NULL, content BLOB NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL, UNIQUE (list_id, path));
CREATE TABLE IF NOT EXISTS drive_item_versions (
  item_id TEXT NOT NULL, version INTEGER NOT NULL, content BLOB NOT NULL, modified_by TEXT NOT NULL, modified_at TEXT NOT NULL,
  PRIMARY KEY (item_id, version));
CREATE TABLE IF NOT EXISTS upload_sessions (
  id TEXT PRIMARY KEY, list_id TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, received INTEGER NOT NULL,
  content BLOB NOT NULL, created_by TEXT NOT NULL, expires TEXT NOT NULL, conflict TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS channels (id TEXT PRIMARY KEY, team_id TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, body TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS private_channels (channel_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS installed_apps (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, app_id TEXT NOT NULL, UNIQUE (user_id, app_id));
CREATE TABLE IF NOT EXISTS activity_notifications (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, chain_id INTEGER, body TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, seq INTEGER NOT NULL);
`;

/** The SQL for a field's value; the same text in queries and in indexes, so SQLite uses the index. */
export const fieldExpression = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Unsafe field name '${name}'`);
  return `json_extract(fields, '$."${name}"')`;
};

/** SQLite answers 0 or 1 for a flag. */
const asUser = (row: UserRow): UserRow => ({ ...row, siteOwner: Boolean(row.siteOwner), userPrincipalName: row.userPrincipalName ?? undefined });

/** The emulator's persistence: SQLite in WAL mode, each write one transaction, so a killed process leaves a consistent store. */
export class Store {
  readonly db: Database.Database;
  /**
   * The time SharePoint stamps on what is written (Created, Modified): the wall clock, unless the demo seed has
   * set it to replay an earlier cycle. Callers never choose it per request, as in a tenant.
   */
  private clock: Date | undefined;
  /** Each SQL text is prepared once: preparing costs more than running the small statements the store makes. */
  private readonly statements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(schema);
    // Columns added since the first stores were written: a store from an earlier run gains them.
    for (const column of [
      'drive_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1',
      "drive_items ADD COLUMN modified_by TEXT NOT NULL DEFAULT ''",
      'users ADD COLUMN site_owner INTEGER NOT NULL DEFAULT 0',
      'users ADD COLUMN upn TEXT',
    ]) {
      try {
        this.db.exec(`ALTER TABLE ${column}`);
      } catch {
        // Already there.
      }
    }
  }

  close(): void {
    this.db.close();
  }

  /** Sets the clock the store stamps writes with (the demo seed replaying history), or back to the wall clock. */
  setClock(at: Date | undefined): void {
    this.clock = at;
  }

  now(): string {
    return (this.clock ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  meta(key: string, create: () => string): string {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    if (row) return row.value;
    const value = create();
    this.statement('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
    return value;
  }

  /** Sets a value the emulator keeps beside the lists (role definitions, assignments, the demo's version). */
  setMeta(key: string, value: string): void {
    this.statement('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  nextSeq(): number {
    const current = Number(this.meta('seq', () => '0'));
    this.statement("UPDATE meta SET value = ? WHERE key = 'seq'").run(String(current + 1));
    return current + 1;
  }

  // Directory

  upsertUser(user: Omit<UserRow, 'id'>): void {
    this.db
      .prepare(
        `INSERT INTO users (id, email, name, role, job_title, site_owner, upn) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role, job_title = excluded.job_title, site_owner = excluded.site_owner, upn = excluded.upn`,
      )
      .run(randomUUID(), user.email.toLowerCase(), user.name, user.role, user.jobTitle, user.siteOwner ? 1 : 0, user.userPrincipalName?.toLowerCase() ?? null);
  }

  private static readonly userColumns = 'id, email, name, role, job_title AS jobTitle, site_owner = 1 AS siteOwner, upn AS userPrincipalName';

  users(): UserRow[] {
    return (this.statement(`SELECT ${Store.userColumns} FROM users ORDER BY role, name`).all() as UserRow[]).map(asUser);
  }

  userByEmail(email: string): UserRow | undefined {
    // Tokens name the person by sign-in name (UPN) or mail, as Entra's do.
    const row = this.statement(`SELECT ${Store.userColumns} FROM users WHERE email = ? OR upn = ?`).get(email.toLowerCase(), email.toLowerCase()) as
      UserRow | undefined;
    return row && asUser(row);
  }

  // Sites and lists

  ensureSite(hostname: string, path: string, name: string): string {
    const existing = this.statement('SELECT id FROM sites WHERE hostname = ? AND path = ?').get(hostname, path) as { id: string } | undefined;
    if (existing) return existing.id;
    const id = `${hostname},${randomUUID()},${randomUUID()}`;
    this.statement('INSERT INTO sites (id, hostname, path, name) VALUES (?, ?, ?, ?)').run(id, hostname, path, name);
    return id;
  }

  sites(): { id: string; hostname: string; path: string; name: string }[] {
    return this.statement('SELECT id, hostname, path, name FROM sites ORDER BY path').all() as {
      id: string;
      hostname: string;
      path: string;
      name: string;
    }[];
  }

  private toList(row: Record<string, unknown>): ListRow {
    return {
      id: String(row.id),
      siteId: String(row.site_id),
      name: String(row.name),
      displayName: String(row.display_name),
      template: row.template as ListRow['template'],
      created: String(row.created),
      permissions: row.permissions ? (JSON.parse(String(row.permissions)) as RolePermissions) : null,
      writeSecurity: Number(row.write_security) === 2 ? 2 : 1,
    };
  }

  lists(siteId: string): ListRow[] {
    return (this.statement('SELECT * FROM lists WHERE site_id = ? ORDER BY created, name').all(siteId) as Record<string, unknown>[]).map((row) =>
      this.toList(row),
    );
  }

  list(siteId: string, idOrName: string): ListRow | undefined {
    const row = this.db
      .prepare('SELECT * FROM lists WHERE site_id = ? AND (id = ? OR lower(name) = lower(?) OR lower(display_name) = lower(?))')
      .get(siteId, idOrName, idOrName, idOrName) as Record<string, unknown> | undefined;
    return row ? this.toList(row) : undefined;
  }

  /** A document library by its URL name, on any site (the emulator's sites share one host). */
  libraryByName(name: string): ListRow | undefined {
    const row = this.statement("SELECT * FROM lists WHERE template = 'documentLibrary' AND lower(name) = lower(?)").get(name) as
      Record<string, unknown> | undefined;
    return row ? this.toList(row) : undefined;
  }

  listById(id: string): ListRow | undefined {
    const row = this.statement('SELECT * FROM lists WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row ? this.toList(row) : undefined;
  }

  createList(siteId: string, name: string, displayName: string, template: ListRow['template'], columns: ColumnRow[]): ListRow {
    const id = randomUUID();
    this.transaction(() => {
      this.db
        .prepare('INSERT INTO lists (id, site_id, name, display_name, template, created) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, siteId, name, displayName, template, this.now());
      for (const column of columns) this.addColumn(id, column);
    });
    return this.listById(id) as ListRow;
  }

  setListSecurity(listId: string, permissions: RolePermissions, writeSecurity: 1 | 2): void {
    this.statement('UPDATE lists SET permissions = ?, write_security = ? WHERE id = ?').run(JSON.stringify(permissions), writeSecurity, listId);
  }

  columns(listId: string): ColumnRow[] {
    return (this.statement('SELECT * FROM columns WHERE list_id = ? ORDER BY position').all(listId) as Record<string, unknown>[]).map((row) => ({
      name: String(row.name),
      type: row.type as ColumnType,
      indexed: row.indexed === 1,
      required: row.required === 1,
      enforceUnique: row.enforce_unique === 1,
      choices: JSON.parse(String(row.choices)) as string[],
      maxLength: row.max_length === null ? null : Number(row.max_length),
    }));
  }

  addColumn(listId: string, column: ColumnRow): void {
    const position = (this.statement('SELECT count(*) AS n FROM columns WHERE list_id = ?').get(listId) as { n: number }).n;
    this.db
      .prepare(
        `INSERT INTO columns (list_id, name, type, indexed, required, enforce_unique, choices, max_length, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        listId,
        column.name,
        column.type,
        column.indexed ? 1 : 0,
        column.required ? 1 : 0,
        column.enforceUnique ? 1 : 0,
        JSON.stringify(column.choices),
        column.maxLength,
        position,
      );
    if (column.indexed) this.indexColumn(listId, column.name);
  }

  /** An indexed SharePoint column is an index here too, so filters on it stay fast on large lists. */
  private indexColumn(listId: string, name: string): void {
    const indexName = `idx_${listId.replace(/[^A-Za-z0-9]/g, '_')}_${name}`;
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${indexName}" ON items (list_id, ${fieldExpression(name)})`);
  }

  updateColumn(listId: string, name: string, change: { indexed?: boolean; choices?: string[] }): void {
    if (change.choices !== undefined)
      this.statement('UPDATE columns SET choices = ? WHERE list_id = ? AND name = ?').run(JSON.stringify(change.choices), listId, name);
    if (change.indexed !== undefined) {
      this.statement('UPDATE columns SET indexed = ? WHERE list_id = ? AND name = ?').run(change.indexed ? 1 : 0, listId, name);
      if (change.indexed) this.indexColumn(listId, name);
    }
  }

  // Items

  private toItem(row: Record<string, unknown>): ItemRow {
    return {
      listId: String(row.list_id),
      id: Number(row.id),
      guid: String(row.guid),
      version: Number(row.version),
      fields: JSON.parse(String(row.fields)) as Record<string, unknown>,
      createdBy: String(row.created_by),
      createdAt: String(row.created_at),
      modifiedBy: String(row.modified_by),
      modifiedAt: String(row.modified_at),
      deleted: row.deleted === 1,
      seq: Number(row.seq),
    };
  }

  itemCount(listId: string): number {
    return (this.statement('SELECT count(*) AS n FROM items WHERE list_id = ? AND deleted = 0').get(listId) as { n: number }).n;
  }

  item(listId: string, id: number): ItemRow | undefined {
    const row = this.statement('SELECT * FROM items WHERE list_id = ? AND id = ? AND deleted = 0').get(listId, id) as Record<string, unknown> | undefined;
    return row ? this.toItem(row) : undefined;
  }

  /** Items matching an SQL condition built by the query layer from a parsed $filter (values bound, names checked). */
  queryItems(listId: string, where: string, params: unknown[], orderBy: string, limit: number, offset: number): ItemRow[] {
    // With a filter, "+id" keeps SQLite from walking the primary key in id order (its choice without statistics)
    // rather than the column's index, which on an indexed column turns each lookup into a scan of the list.
    const order = where ? orderBy.replace(/(^|,\s*)id\b/g, '$1+id') : orderBy;
    const sql = `SELECT * FROM items WHERE list_id = ? AND deleted = 0 ${where ? `AND (${where})` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`;
    return (this.statement(sql).all(listId, ...params, limit, offset) as Record<string, unknown>[]).map((row) => this.toItem(row));
  }

  changedItems(listId: string, afterSeq: number, limit: number, offset: number): ItemRow[] {
    return (
      this.db
        .prepare('SELECT * FROM items WHERE list_id = ? AND seq > ? AND NOT (deleted = 1 AND ? = 0) ORDER BY seq, id LIMIT ? OFFSET ?')
        .all(listId, afterSeq, afterSeq, limit, offset) as Record<string, unknown>[]
    ).map((row) => this.toItem(row));
  }

  latestSeq(): number {
    return Number(this.meta('seq', () => '0'));
  }

  insertItem(listId: string, fields: Record<string, unknown>, by: string): ItemRow {
    return this.transaction(() => {
      const { next_item_id: id } = this.statement('SELECT next_item_id FROM lists WHERE id = ?').get(listId) as { next_item_id: number };
      this.statement('UPDATE lists SET next_item_id = ? WHERE id = ?').run(id + 1, listId);
      const at = this.now();
      this.db
        .prepare(
          `INSERT INTO items (list_id, id, guid, version, fields, created_by, created_at, modified_by, modified_at, seq)
           VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(listId, id, randomUUID(), JSON.stringify(fields), by, at, by, at, this.nextSeq());
      return this.item(listId, id) as ItemRow;
    });
  }

  updateItem(listId: string, id: number, fields: Record<string, unknown>, by: string): ItemRow {
    return this.transaction(() => {
      this.db
        .prepare('UPDATE items SET fields = ?, version = version + 1, modified_by = ?, modified_at = ?, seq = ? WHERE list_id = ? AND id = ?')
        .run(JSON.stringify(fields), by, this.now(), this.nextSeq(), listId, id);
      return this.item(listId, id) as ItemRow;
    });
  }

  deleteItem(listId: string, id: number, by: string): void {
    this.db
      .prepare('UPDATE items SET deleted = 1, modified_by = ?, modified_at = ?, seq = ? WHERE list_id = ? AND id = ?')
      .run(by, this.now(), this.nextSeq(), listId, id);
  }

  // Drive

  driveItem(listId: string, idOrPath: { id?: string; path?: string }): DriveItemRow | undefined {
    const row = idOrPath.id
      ? this.statement('SELECT * FROM drive_items WHERE list_id = ? AND id = ?').get(listId, idOrPath.id)
      : this.statement('SELECT * FROM drive_items WHERE list_id = ? AND path = ?').get(listId, idOrPath.path);
    return row as DriveItemRow | undefined;
  }

  driveChildren(listId: string): DriveItemRow[] {
    return this.statement('SELECT * FROM drive_items WHERE list_id = ? ORDER BY path').all(listId) as DriveItemRow[];
  }

  putDriveItem(listId: string, path: string, content: Buffer, mimeType: string, by: string): DriveItemRow {
    const existing = this.driveItem(listId, { path });
    const at = this.now();
    const name = path.split('/').at(-1) ?? path;
    if (existing) {
      // Versioning is on, as the evidence library is provisioned: the replaced content stays as a version.
      this.db
        .prepare('INSERT INTO drive_item_versions (item_id, version, content, modified_by, modified_at) VALUES (?, ?, ?, ?, ?)')
        .run(existing.id, existing.version, existing.content, existing.modified_by || existing.created_by, existing.modified_at);
      this.db
        .prepare('UPDATE drive_items SET content = ?, size = ?, mime_type = ?, modified_at = ?, modified_by = ?, version = version + 1 WHERE id = ?')
        .run(content, content.length, mimeType, at, by, existing.id);
      return this.driveItem(listId, { id: existing.id }) as DriveItemRow;
    }
    const id = randomUUID().replace(/-/g, '').toUpperCase();
    this.db
      .prepare(
        `INSERT INTO drive_items (id, list_id, path, name, size, mime_type, content, created_by, created_at, modified_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, listId, path, name, content.length, mimeType, content, by, at, at);
    return this.driveItem(listId, { id }) as DriveItemRow;
  }

  // Upload sessions

  createUploadSession(session: Omit<UploadSessionRow, 'size' | 'received' | 'content'>): void {
    this.db
      .prepare('INSERT INTO upload_sessions (id, list_id, path, size, received, content, created_by, expires, conflict) VALUES (?, ?, ?, -1, 0, ?, ?, ?, ?)')
      .run(session.id, session.list_id, session.path, Buffer.alloc(0), session.created_by, session.expires, session.conflict);
  }

  uploadSession(id: string): UploadSessionRow | undefined {
    return this.statement('SELECT * FROM upload_sessions WHERE id = ?').get(id) as UploadSessionRow | undefined;
  }

  /** Keeps the bytes received so far. */
  extendUploadSession(id: string, content: Buffer, total: number): void {
    this.statement('UPDATE upload_sessions SET content = ?, received = ?, size = ? WHERE id = ?').run(content, content.length, total, id);
  }

  /** The last fragment: the session ends and the file is written, in one transaction. */
  /** The file's earlier versions, newest first. */
  driveItemVersions(itemId: string): { version: number; modified_by: string; modified_at: string; size: number }[] {
    return this.db
      .prepare('SELECT version, modified_by, modified_at, length(content) AS size FROM drive_item_versions WHERE item_id = ? ORDER BY version DESC')
      .all(itemId) as { version: number; modified_by: string; modified_at: string; size: number }[];
  }

  finishUploadSession(session: UploadSessionRow, content: Buffer): DriveItemRow {
    return this.transaction(() => {
      this.statement('DELETE FROM upload_sessions WHERE id = ?').run(session.id);
      return this.putDriveItem(session.list_id, session.path, content, 'application/octet-stream', session.created_by);
    });
  }

  // Teams, channels and their messages

  /** The one team and channel the emulator starts with, made once. */
  ensureTeam(name: string, description: string, channelName: string): void {
    const teams = this.statement('SELECT count(*) AS n FROM teams').get() as { n: number };
    if (teams.n > 0) return;
    const teamId = randomUUID();
    this.statement('INSERT INTO teams (id, name, description) VALUES (?, ?, ?)').run(teamId, name, description);
    this.statement('INSERT INTO channels (id, team_id, name) VALUES (?, ?, ?)').run(`19:${randomUUID().replace(/-/g, '')}@thread.tacv2`, teamId, channelName);
  }

  /** A private channel in the first team, made once by name: its own members, its own messages. */
  ensurePrivateChannel(name: string): void {
    const team = this.teams()[0];
    if (!team || this.channels(team.id).some((c) => c.name === name)) return;
    const id = `19:${randomUUID().replace(/-/g, '')}@thread.tacv2`;
    this.db.transaction(() => {
      this.statement('INSERT INTO channels (id, team_id, name) VALUES (?, ?, ?)').run(id, team.id, name);
      this.statement('INSERT INTO private_channels (channel_id) VALUES (?)').run(id);
    })();
  }

  isPrivateChannel(channelId: string): boolean {
    return this.statement('SELECT 1 FROM private_channels WHERE channel_id = ?').get(channelId) !== undefined;
  }

  teams(): TeamRow[] {
    return this.statement('SELECT * FROM teams').all() as TeamRow[];
  }

  channels(teamId: string): ChannelRow[] {
    // The standard channel first, as Teams lists the General channel first.
    return this.statement('SELECT * FROM channels WHERE team_id = ? ORDER BY rowid').all(teamId) as ChannelRow[];
  }

  channel(teamId: string, channelId: string): ChannelRow | undefined {
    return this.statement('SELECT * FROM channels WHERE id = ? AND team_id = ?').get(channelId, teamId) as ChannelRow | undefined;
  }

  addMessage(channelId: string, body: string, by: string): MessageRow {
    const id = String(Date.now()) + randomUUID().slice(0, 4);
    this.db
      .prepare('INSERT INTO messages (id, channel_id, body, created_by, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, channelId, body, by, this.now(), this.nextSeq());
    return this.statement('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow;
  }

  /** The newest messages first. */
  messages(channelId: string, top: number, skip = 0): MessageRow[] {
    return this.statement('SELECT * FROM messages WHERE channel_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?').all(channelId, top, skip) as MessageRow[];
  }

  // Teams apps installed for people, and their activity feeds

  installedApps(userId: string): InstalledAppRow[] {
    return this.statement('SELECT * FROM installed_apps WHERE user_id = ? ORDER BY id').all(userId) as InstalledAppRow[];
  }

  /** Installs the app for the person; undefined when it already is. */
  installApp(userId: string, appId: string): InstalledAppRow | undefined {
    const id = randomUUID();
    const { changes } = this.statement('INSERT INTO installed_apps (id, user_id, app_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(id, userId, appId);
    return changes === 0 ? undefined : { id, user_id: userId, app_id: appId };
  }

  /** Adds to the person's feed; a notification with the chain id of an earlier one replaces it, as Teams' does. */
  addNotification(userId: string, body: string, by: string, chainId?: number): void {
    this.db.transaction(() => {
      if (chainId !== undefined) this.statement('DELETE FROM activity_notifications WHERE user_id = ? AND chain_id = ?').run(userId, chainId);
      this.statement('INSERT INTO activity_notifications (id, user_id, chain_id, body, created_by, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        randomUUID(),
        userId,
        chainId ?? null,
        body,
        by,
        this.now(),
        this.nextSeq(),
      );
    })();
  }

  /** A person's activity feed, newest first. */
  notifications(userId: string): NotificationRow[] {
    return this.statement('SELECT * FROM activity_notifications WHERE user_id = ? ORDER BY seq DESC').all(userId) as NotificationRow[];
  }
}

export interface InstalledAppRow {
  id: string;
  user_id: string;
  app_id: string;
}

export interface NotificationRow {
  id: string;
  user_id: string;
  body: string;
  created_by: string;
  created_at: string;
}

export interface UploadSessionRow {
  id: string;
  list_id: string;
  path: string;
  size: number;
  received: number;
  content: Buffer;
  created_by: string;
  expires: string;
  conflict: string;
}

export interface TeamRow {
  id: string;
  name: string;
  description: string;
}

export interface ChannelRow {
  id: string;
  team_id: string;
  name: string;
}

export interface MessageRow {
  id: string;
  channel_id: string;
  body: string;
  created_by: string;
  created_at: string;
}

export interface DriveItemRow {
  id: string;
  list_id: string;
  path: string;
  name: string;
  size: number;
  mime_type: string;
  content: Buffer;
  created_by: string;
  created_at: string;
  modified_at: string;
  modified_by: string;
  version: number;
}
