import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { entraHost } from '../../emulator/entra';

/** A fictional app registration in a fictional tenant. */
export const app = { clientId: '5a7e9c1d-3b2f-4e6a-9c8d-7f1e2a3b4c5d', tenantId: '8e2d4c6a-1b3f-4a5e-8c7d-9f0e1a2b3c4d' };

/** msal-node's transport, sent to the emulator's Entra endpoints instead of login.microsoftonline.com. */
export function emulatorNetwork(origin: string, seen: string[]): INetworkModule {
  const send = async <T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    seen.push(`${method} ${url.split('?')[0] ?? url}`);
    if (!url.startsWith(`${entraHost}/`)) throw new Error(`msal asked for ${url}, which is not Entra`);
    const response = await fetch(url.replace(entraHost, `${origin}/_entra`), { method, headers: options?.headers, body: options?.body });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: (await response.json()) as T };
  };
  return { sendGetRequestAsync: (url, options) => send('GET', url, options), sendPostRequestAsync: (url, options) => send('POST', url, options) };
}

/** The person at the keyboard: reads the code from the prompt and signs in at the verification page. */
export function personSigningIn(origin: string, user: string, prompts: string[]): (message: string) => void {
  return (message) => {
    prompts.push(message);
    const code = /enter the code (\S+)/.exec(message)?.[1] ?? '';
    void fetch(`${origin}/_dev/device`, { method: 'POST', body: new URLSearchParams({ user_code: code, user }) });
  };
}
