import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentFor } from '../src/jobs/env-files';
import { appPackageDir, buildAppPackage } from './app-package';

/** `npm run package -- --env dev|local`: writes appPackage/build/<env>.zip after validating it offline. */
const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' } } });
const envName = values.env ?? 'local';
// The shell wins over the files: `atk provision` hands this step ids it writes to the file only afterwards.
const result = await buildAppPackage(environmentFor(envName));
if ('problems' in result) {
  console.error(`The app package for "${envName}" is not valid:\n- ${result.problems.join('\n- ')}`);
  process.exit(1);
}
mkdirSync(join(appPackageDir, 'build'), { recursive: true });
const out = join(appPackageDir, 'build', `${envName}.zip`);
writeFileSync(out, result.zip);
console.log(`Wrote ${out}`);
