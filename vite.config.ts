import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
// The extension lets Vite's native config loader read this file as well as its bundling one.
import { readConfig } from './src/app/config.ts';

/** A build for an environment with missing or malformed settings fails here, naming them, not later in Teams. */
function checkTabConfig(): Plugin {
  return {
    name: 'check-tab-config',
    apply: 'build',
    configResolved(config) {
      const result = readConfig(config.env);
      if ('problems' in result)
        throw new Error(`The tab's settings for "${config.mode}" (env/.env.${config.mode}) are incomplete:\n- ${result.problems.join('\n- ')}`);
    },
  };
}

export default defineConfig({
  plugins: [react(), checkTabConfig()],
  envDir: 'env',
  envPrefix: 'TAB_',
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The tab, and the msal v5 redirect bridge page its sign-in popup returns to.
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        authRedirect: resolve(import.meta.dirname, 'auth-redirect.html'),
        authWindow: resolve(import.meta.dirname, 'auth-window.html'),
      },
    },
  },
  server: { port: 53000, strictPort: true },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'emulator/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/integration/**/*.test.{ts,tsx}',
      'tests/reliability/**/*.test.{ts,tsx}',
    ],
    setupFiles: ['tests/support/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts'],
      exclude: ['src/domain/**/*.test.ts', 'src/domain/index.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});
