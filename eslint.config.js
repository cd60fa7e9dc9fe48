import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'test-output', 'appPackage/build'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Dependencies point inwards (architecture.md).
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src/application', './src/adapters', './src/features', './src/app', './src/jobs', './emulator'],
              message: 'src/domain is pure: it imports nothing of the project outside itself.',
            },
            {
              target: './src/application',
              from: ['./src/adapters', './src/features', './src/app', './src/jobs', './emulator'],
              message: 'Use-cases depend on ports, not on adapters or UI.',
            },
            {
              target: './src/features',
              from: ['./src/adapters', './src/jobs', './emulator'],
              message: 'Features reach adapters only through application ports (wired in src/app).',
            },
            {
              target: './src',
              from: ['./emulator'],
              message: 'The app talks to the emulator over HTTP only, as it would to Graph.',
            },
          ],
        },
      ],
    },
  },
);
