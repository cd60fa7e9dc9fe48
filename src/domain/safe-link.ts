import { z } from 'zod';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Links the tracker keeps and prints are https only. file: and UNC links hand Windows credentials to whoever
 * serves them when clicked in Word; javascript:, data: and ms-msdt: run things. Plain http is allowed only on
 * this machine's loopback, where the local emulator serves evidence as SharePoint would.
 */
export function isSafeLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname));
}

export const safeLinkSchema = z.url({ message: 'Evidence needs a link' }).refine(isSafeLink, { message: 'Links must start with https://' });
