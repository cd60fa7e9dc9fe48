import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Chrome, Chromium and Edge usually live, per platform, in the order they are tried. */
const usualPaths: Record<string, readonly string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** How to launch the browser: an executable, or a playwright-core channel ("chrome", "msedge") it finds itself. */
export type BrowserChoice = { executablePath: string } | { channel: string };

interface Machine {
  env: NodeJS.ProcessEnv;
  platform: string;
  exists: (path: string) => boolean;
}

const thisMachine: Machine = { env: process.env, platform: process.platform, exists: existsSync };

/** CHROMIUM_PATH, else CHROMIUM_CHANNEL, else the first installed browser among the platform's usual paths. */
export function findBrowser(machine: Machine = thisMachine): BrowserChoice | undefined {
  const named = machine.env.CHROMIUM_PATH;
  if (named) {
    if (!machine.exists(named)) throw new Error(`CHROMIUM_PATH is ${named}, but there is no browser there`);
    return { executablePath: named };
  }
  if (machine.env.CHROMIUM_CHANNEL) return { channel: machine.env.CHROMIUM_CHANNEL };
  const found = (usualPaths[machine.platform] ?? []).find((path) => machine.exists(path));
  return found ? { executablePath: found } : undefined;
}

export const missingBrowserMessage =
  'The browser tests need Chrome, Chromium or Edge: install one (on Debian: sudo apt-get install chromium), or set CHROMIUM_PATH to its executable.';

const canInstallWithApt = (): boolean => process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/**
 * The browser to test with. When none is installed and this is a Debian machine where we are root (a fresh
 * CI or container), Debian's Chromium is installed; otherwise one line says what to install.
 */
export function ensureBrowser(log: (line: string) => void = console.log): BrowserChoice {
  const found = findBrowser();
  if (found) return found;
  if (!canInstallWithApt()) throw new Error(missingBrowserMessage);
  log("No Chrome, Chromium or Edge found: installing Debian's Chromium for the browser tests (apt-get install chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { env, stdio: 'ignore' });
  } catch {
    throw new Error(`Installing Chromium with apt-get failed. ${missingBrowserMessage}`);
  }
  const installed = findBrowser();
  if (!installed) throw new Error(`apt-get installed chromium, but it is not at a usual path. ${missingBrowserMessage}`);
  return installed;
}

/** The flags headless Chromium needs here: no sandbox as root, and none of its background network traffic. */
export const headlessArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
