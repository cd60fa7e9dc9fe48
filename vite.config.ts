import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  envDir: 'env',
  envPrefix: 'TAB_',
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The tab, and the msal v5 redirect bridge page its sign-in popup returns to.
    rollupOptions: { input: { main: resolve(import.meta.dirname, 'index.html'), authRedirect: resolve(import.meta.dirname, 'auth-redirect.html') } },
  },
  server: { port: 53000, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'emulator/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.{ts,tsx}'],
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
