import { z } from 'zod';

const https = /^https:\/\/[^\s/?#\\]+/i;
const loopbackHttp = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?([/?#]|$)/i;

/**
 * Links the tracker keeps and prints are https only. file: and UNC links hand Windows credentials to whoever
 * serves them when clicked in Word; javascript:, data: and ms-msdt: run things. Plain http is allowed only on
 * this machine's loopback, where the local emulator serves evidence as SharePoint would.
 */
export const isSafeLink = (url: string): boolean => https.test(url.trim()) || loopbackHttp.test(url.trim());

export const safeLinkSchema = z.url({ message: 'Evidence needs a link' }).refine(isSafeLink, { message: 'Links must start with https://' });
