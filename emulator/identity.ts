import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Store, UserRow } from './store';

const directorySchema = z.object({
  organisation: z.string(),
  domain: z.string(),
  users: z.array(
    z.object({
      email: z.email(),
      name: z.string().min(1),
      role: z.enum(['coordinator', 'owner', 'panel']),
      jobTitle: z.string(),
      siteOwner: z.boolean().optional(),
      userPrincipalName: z.string().optional(),
    }),
  ),
});
export type Directory = z.infer<typeof directorySchema>;

const defaultDirectoryPath = join(dirname(fileURLToPath(import.meta.url)), 'seed', 'directory.json');

export function loadDirectory(path = defaultDirectoryPath): Directory {
  return directorySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Dev identity instead of Entra ID: a bearer token is the user's email and scopes signed with the store's own
 * secret, so tokens survive a restart of the same store and are useless against any other. Like Entra's, they
 * expire, so callers must renew them.
 */
export class DevIdentity {
  private readonly secret: Buffer;

  constructor(
    private readonly store: Store,
    readonly lifetimeSeconds: number,
  ) {
    this.secret = Buffer.from(
      store.meta('token-secret', () => randomBytes(32).toString('hex')),
      'hex',
    );
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  /** A token for the person, carrying the scopes it was asked for, space-separated as in Entra's `scp` claim. */
  issue(email: string, scopes: readonly string[]): string | undefined {
    const user = this.store.userByEmail(email);
    if (!user) return undefined;
    const now = Date.now();
    const payload = Buffer.from(JSON.stringify({ upn: user.email, scp: scopes.join(' '), iat: now, exp: now + this.lifetimeSeconds * 1000 })).toString(
      'base64url',
    );
    return `emu.${payload}.${this.sign(payload)}`;
  }

  /** The caller, or why the token is refused: the message Graph gives for each. */
  verify(authorization: string | undefined): { user: UserRow; scopes: ReadonlySet<string> } | { refused: string } {
    const invalid = { refused: 'Access token is empty or invalid.' };
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const [prefix, payload, signature] = token?.split('.') ?? [];
    if (prefix !== 'emu' || !payload || !signature) return invalid;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return invalid;
    const claims = z
      .object({ upn: z.string(), scp: z.string().default(''), exp: z.number() })
      .safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success) return invalid;
    if (Date.now() >= claims.data.exp) return { refused: 'Lifetime validation failed, the token is expired.' };
    const user = this.store.userByEmail(claims.data.upn);
    return user ? { user, scopes: new Set(claims.data.scp.split(' ').filter(Boolean)) } : invalid;
  }
}
