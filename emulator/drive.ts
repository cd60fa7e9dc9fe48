import { randomUUID } from 'node:crypto';
import { badRequest, GraphError, notFound, ok, type EmuRequest, type EmuResponse, type Route } from './http';
import { levelOf, requireCreate, requireReplace } from './lists/permissions';
import { quickXorHash } from './quick-xor-hash';
import { listFinder } from './sites';
import { type DriveItemRow, type ListRow, type Store, type UserRow } from './store';
import { scopesFor } from './scopes';

/** Graph's simple upload limit this emulator enforces; larger files go through an upload session. */
export const simpleUploadLimit = 4 * 1024 * 1024;
const driveIdOf = (list: ListRow): string => `b!${list.id}`;

export function driveItemResource(request: EmuRequest, list: ListRow, item: DriveItemRow): Record<string, unknown> {
  const origin = request.base.replace(/\/v1\.0$/, '');
  return {
    id: item.id,
    name: item.name,
    size: item.size,
    createdDateTime: item.created_at,
    lastModifiedDateTime: item.modified_at,
    webUrl: `${origin}/${encodeURIComponent(list.name)}/${item.path.split('/').map(encodeURIComponent).join('/')}`,
    file: { mimeType: item.mime_type, hashes: { quickXorHash: quickXorHash(item.content) } },
    createdBy: { user: { email: item.created_by } },
    parentReference: { driveId: driveIdOf(list), driveType: 'documentLibrary', siteId: list.siteId },
  };
}

function cleanPath(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0 || parts.some((p) => p === '.' || p === '..' || /["*:<>?\\|]/.test(p))) {
    throw badRequest('The file name contains characters that are not allowed');
  }
  return parts.join('/');
}

/**
 * Where a new file goes under Graph's conflict behaviour: replace (the default, which is editing the file
 * there), fail (409), or rename ("name 1.pdf").
 */
export function placeFile(store: Store, list: ListRow, path: string, behaviour: string, user: UserRow): string {
  if (!store.driveItem(list.id, { path })) return path;
  if (behaviour === 'fail') throw new GraphError(409, 'nameAlreadyExists', 'A file with this name already exists');
  if (behaviour === 'rename') {
    const dot = path.lastIndexOf('.');
    const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    for (let n = 1; ; n++) if (!store.driveItem(list.id, { path: `${stem} ${n}${ext}` })) return `${stem} ${n}${ext}`;
  }
  requireReplace(list, user);
  return path;
}

export function driveRoutes(store: Store, uploadOrigin: () => string): Route[] {
  const findList = listFinder(store);
  const driveList = (request: EmuRequest, driveId: string): ListRow => {
    const list = store.listById(driveId.replace(/^b!/, ''));
    if (!list || list.template !== 'documentLibrary' || levelOf(list, request.user) === 'none') throw notFound(`Drive '${driveId}'`);
    return list;
  };
  const itemIn = (list: ListRow, id: string): DriveItemRow => {
    const item = store.driveItem(list.id, { id });
    if (!item) throw notFound(`Item '${id}'`);
    return item;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/drive$/,
      scopes: scopesFor.readFiles,
      handle: (r, [s = '', l = '']) => {
        const list = findList(r, s, l);
        if (list.template !== 'documentLibrary') throw notFound('A drive for this list');
        return ok({ id: driveIdOf(list), name: list.displayName, driveType: 'documentLibrary' });
      },
    },
    {
      method: 'PUT',
      pattern: /^\/drives\/([^/]+)\/root:\/(.+):\/content$/,
      scopes: scopesFor.writeFiles,
      handle: (r, [d = '', path = '']) => {
        const list = driveList(r, d);
        requireCreate(list, r.user);
        if (r.raw.length > simpleUploadLimit) {
          throw new GraphError(413, 'requestTooLarge', 'Files over 4 MB must be uploaded with an upload session');
        }
        const where = placeFile(store, list, cleanPath(path), r.query.get('@microsoft.graph.conflictBehavior') ?? 'replace', r.user);
        const item = store.putDriveItem(list.id, where, r.raw, r.headers['content-type'] ?? 'application/octet-stream', r.user.email);
        return ok(driveItemResource(r, list, item), 201);
      },
    },
    {
      method: 'POST',
      pattern: /^\/drives\/([^/]+)\/root:\/(.+):\/createUploadSession$/,
      scopes: scopesFor.writeFiles,
      handle: (r, [d = '', path = '']) => {
        const list = driveList(r, d);
        requireCreate(list, r.user);
        const id = randomUUID();
        const expires = new Date(Date.now() + 3_600_000).toISOString();
        const conflict = String((r.body as { item?: Record<string, unknown> } | undefined)?.item?.['@microsoft.graph.conflictBehavior'] ?? 'replace');
        // Checked when the session opens, as Graph does, and again when its last fragment lands.
        placeFile(store, list, cleanPath(path), conflict, r.user);
        store.createUploadSession({ id, list_id: list.id, path: cleanPath(path), created_by: r.user.email, expires, conflict });
        return ok({ uploadUrl: `${uploadOrigin()}/_upload/${id}`, expirationDateTime: expires, nextExpectedRanges: ['0-'] });
      },
    },
    {
      method: 'GET',
      pattern: /^\/drives\/([^/]+)\/root\/children$/,
      scopes: scopesFor.readFiles,
      handle: (r, [d = '']) => {
        const list = driveList(r, d);
        return ok({ value: store.driveChildren(list.id).map((item) => driveItemResource(r, list, item)) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/drives\/([^/]+)\/items\/([^/]+)$/,
      scopes: scopesFor.readFiles,
      handle: (r, [d = '', id = '']) => {
        const list = driveList(r, d);
        return ok(driveItemResource(r, list, itemIn(list, id)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/drives\/([^/]+)\/items\/([^/]+)\/versions$/,
      scopes: scopesFor.readFiles,
      handle: (r, [d = '', id = '']) => {
        const list = driveList(r, d);
        const item = itemIn(list, id);
        // SharePoint lists the current version first, then the earlier ones, newest first.
        const current = {
          id: `${item.version}.0`,
          lastModifiedDateTime: item.modified_at,
          size: item.size,
          lastModifiedBy: { user: { email: item.modified_by || item.created_by } },
        };
        const earlier = store.driveItemVersions(item.id).map((v) => ({
          id: `${v.version}.0`,
          lastModifiedDateTime: v.modified_at,
          size: v.size,
          lastModifiedBy: { user: { email: v.modified_by } },
        }));
        return ok({ value: [current, ...earlier] });
      },
    },
    {
      method: 'GET',
      pattern: /^\/drives\/([^/]+)\/items\/([^/]+)\/content$/,
      scopes: scopesFor.readFiles,
      handle: (r, [d = '', id = '']): EmuResponse => {
        const list = driveList(r, d);
        const item = itemIn(list, id);
        return { status: 200, binary: item.content, headers: { 'Content-Type': item.mime_type } };
      },
    },
  ];
}

/**
 * PUT to an upload session URL: pre-authorised like Graph's, so it carries no bearer token.
 * Fragments must come in order; the last one creates the file.
 */
export function uploadFragment(store: Store, request: Omit<EmuRequest, 'user' | 'scopes'>, sessionId: string): EmuResponse {
  const session = store.uploadSession(sessionId);
  if (!session || session.expires < new Date().toISOString()) throw notFound('The upload session');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers['content-range'] ?? '');
  if (!range) throw badRequest('Content-Range must be bytes start-end/total');
  const [start, end, total] = range.slice(1).map(Number) as [number, number, number];
  if (start !== session.received || end - start + 1 !== request.raw.length || end >= total) {
    throw new GraphError(416, 'invalidRange', `The fragment does not continue the upload; expected bytes from ${session.received}`);
  }
  const content = Buffer.concat([session.content, request.raw]);
  if (end + 1 < total) {
    store.extendUploadSession(sessionId, content, total);
    return ok({ expirationDateTime: session.expires, nextExpectedRanges: [`${end + 1}-`] }, 202);
  }
  const list = store.listById(session.list_id);
  const user = store.userByEmail(session.created_by);
  if (!list || !user) throw notFound('The drive');
  const item = store.finishUploadSession({ ...session, path: placeFile(store, list, session.path, session.conflict, user) }, content);
  return ok(
    driveItemResource(
      { ...request, user: { id: '', email: session.created_by, name: '', role: 'owner', jobTitle: '' }, scopes: new Set<string>() },
      list,
      item,
    ),
    201,
  );
}

/** GET on an upload session: where to carry on after a lost answer. */
export function uploadStatus(store: Store, sessionId: string): EmuResponse {
  const session = store.uploadSession(sessionId);
  if (!session) throw notFound('The upload session');
  return ok({ expirationDateTime: session.expires, nextExpectedRanges: [`${session.received}-`] });
}

/**
 * A file opened by its webUrl, as a browser opens a SharePoint link: `/<library>/<folder>/<file>`. SharePoint
 * checks the browser's signed-in session there; the emulator has no browser session, so on loopback it serves
 * any file of a library to whoever follows the link (README.md, "The emulator", says so).
 */
export function fileAtWebUrl(store: Store, pathname: string): EmuResponse | undefined {
  const [library, ...rest] = pathname
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  if (!library || rest.length === 0) return undefined;
  const list = store.libraryByName(library);
  if (!list) return undefined;
  const item = store.driveItem(list.id, { path: rest.join('/') });
  if (!item) return { status: 404, binary: Buffer.from(`No file ${rest.join('/')} in ${library}`), headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  return {
    status: 200,
    binary: item.content,
    headers: { 'Content-Type': item.mime_type, 'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(item.name)}` },
  };
}
