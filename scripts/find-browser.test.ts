import { describe, expect, it } from 'vitest';
import { findBrowser } from './find-browser';

const machine = (installed: string[], env: NodeJS.ProcessEnv = {}, platform = 'linux') => ({
  env,
  platform,
  exists: (path: string) => installed.includes(path),
});

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first, and says so when nothing is there', () => {
    expect(findBrowser(machine(['/usr/bin/chromium', '/opt/chrome'], { CHROMIUM_PATH: '/opt/chrome' }))).toEqual({ executablePath: '/opt/chrome' });
    expect(() => findBrowser(machine([], { CHROMIUM_PATH: '/opt/none' }))).toThrow('CHROMIUM_PATH is /opt/none, but there is no browser there');
  });
  it("finds Google Chrome or Edge where Debian's Chromium is absent", () => {
    expect(findBrowser(machine(['/usr/bin/google-chrome']))).toEqual({ executablePath: '/usr/bin/google-chrome' });
    expect(findBrowser(machine(['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], {}, 'darwin'))).toEqual({
      executablePath: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    });
  });
  it("uses playwright-core's channel when one is named, and finds nothing on a bare machine", () => {
    expect(findBrowser(machine([], { CHROMIUM_CHANNEL: 'msedge' }))).toEqual({ channel: 'msedge' });
    expect(findBrowser(machine([]))).toBeUndefined();
  });
});
