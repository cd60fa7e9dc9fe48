import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

export const envDir = join(import.meta.dirname, '../../env');

/**
 * Exactly env/.env.<name> and its git-ignored .user secrets, the later winning: no other environment's values leak
 * in (Vite's own loader would add .env.local to every mode).
 */
export function readEnvironment(name: string, dir = envDir): Record<string, string> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`--env must be a name such as dev or local, not "${name}"`);
  const file = join(dir, `.env.${name}`);
  if (!existsSync(file)) throw new Error(`There is no env/.env.${name}`);
  const read = (path: string): Record<string, string> => (existsSync(path) ? (parseEnv(readFileSync(path, 'utf8')) as Record<string, string>) : {});
  return { ...read(file), ...read(`${file}.user`) };
}

/**
 * The environment a command runs with: the files of `name`, then the process environment over them. The shell
 * wins, so values the Agents Toolkit has just made (a fresh app id, handed to a step before it writes the file
 * at the end of its lifecycle) are the ones used.
 */
export function environmentFor(name: string, processEnv: NodeJS.ProcessEnv = process.env, dir = envDir): Record<string, string | undefined> {
  return { ...readEnvironment(name, dir), ...processEnv };
}
