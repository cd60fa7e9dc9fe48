import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { appPackageDir, buildAppPackage } from './app-package';

/** `npm run package -- --env dev|local`: writes appPackage/build/<env>.zip after validating it offline. */
const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' } } });
const envName = values.env ?? 'local';
if (!/^[a-z0-9-]+$/.test(envName)) throw new Error('--env must be a name such as dev or local');
// Exactly env/.env.<env> and its .user secrets: no other environment's values may leak into a package.
const read = (file: string): Record<string, string> => (existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : {});
const envDir = join(appPackageDir, '../env');
if (!existsSync(join(envDir, `.env.${envName}`))) throw new Error(`There is no env/.env.${envName}`);
const env = { ...read(join(envDir, `.env.${envName}`)), ...read(join(envDir, `.env.${envName}.user`)) };
const result = await buildAppPackage(env);
if ('problems' in result) {
  console.error(`The app package for "${envName}" is not valid:\n- ${result.problems.join('\n- ')}`);
  process.exit(1);
}
mkdirSync(join(appPackageDir, 'build'), { recursive: true });
const out = join(appPackageDir, 'build', `${envName}.zip`);
writeFileSync(out, result.zip);
console.log(`Wrote ${out}`);
