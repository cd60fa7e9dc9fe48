import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { z } from 'zod';

/** The Teams app package: manifest with ${{VAR}} filled from env/.env.<env>, checked offline, zipped with its icons. */
export const appPackageDir = join(import.meta.dirname, '../appPackage');
const manifestVersionSchema = z.object({ manifestVersion: z.string().regex(/^\d+\.\d+$/) });

/** The schema of the version the manifest declares, from those @microsoft/app-manifest bundles (offline). */
function schemaFor(manifest: unknown): { schema: object } | { problem: string } {
  const declared = manifestVersionSchema.safeParse(manifest);
  if (!declared.success) return { problem: '/manifestVersion must be a version such as "1.30"' };
  try {
    const path = createRequire(import.meta.url).resolve(
      `@microsoft/app-manifest/build/json-schemas/teams/v${declared.data.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    return { schema: JSON.parse(readFileSync(path, 'utf8')) as object };
  } catch {
    return { problem: `/manifestVersion ${declared.data.manifestVersion} has no schema in @microsoft/app-manifest to check it against` };
  }
}

export function fillPlaceholders(template: string, env: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_m, name: string) => {
    const value = env[name];
    if (!value) missing.add(name);
    return value ?? '';
  });
  return { text, missing: [...missing] };
}

export function validateManifest(manifest: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const found = schemaFor(manifest);
  if ('problem' in found) return [found.problem];
  const validate = ajv.compile(found.schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`);
}

export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = Buffer.from(bytes);
  if (view.length < 24 || view.toString('latin1', 1, 4) !== 'PNG') return undefined;
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

export function checkIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  const c = pngSize(color);
  const o = pngSize(outline);
  if (c?.width !== 192 || c.height !== 192) problems.push(`color.png must be a 192x192 PNG (found ${c ? `${c.width}x${c.height}` : 'no PNG'})`);
  if (o?.width !== 32 || o.height !== 32) problems.push(`outline.png must be a 32x32 PNG (found ${o ? `${o.width}x${o.height}` : 'no PNG'})`);
  return problems;
}

/** Builds the zip, or the list of everything wrong with it. */
export async function buildAppPackage(env: Record<string, string | undefined>): Promise<{ zip: Uint8Array } | { problems: string[] }> {
  const { text, missing } = fillPlaceholders(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'), env);
  if (missing.length > 0) return { problems: [`Set ${missing.join(', ')} in the environment file`] };
  const manifest = JSON.parse(text) as unknown;
  const color = readFileSync(join(appPackageDir, 'color.png'));
  const outline = readFileSync(join(appPackageDir, 'outline.png'));
  const problems = [...validateManifest(manifest), ...checkIcons(color, outline)];
  if (problems.length > 0) return { problems };
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('color.png', color);
  zip.file('outline.png', outline);
  return { zip: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) };
}
