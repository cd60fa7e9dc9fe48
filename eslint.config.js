import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'test-output', 'appPackage/build'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['src/**/*.tsx', 'tests/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    // A cycle means one contract lives in two places (ARCHITECTURE.md: one home per contract).
    files: ['src/**/*.{ts,tsx}', 'emulator/**/*.ts'],
    plugins: { import: importPlugin },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Screens read and act through their feature's data hooks (data.ts), which alone reach the session's store.
    files: ['src/features/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='store']", message: "Screens use their feature's data hooks (data.ts), not the store." },
        { selector: "ObjectPattern > Property[key.name='store']", message: "Screens use their feature's data hooks (data.ts), not the store." },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } }, 'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] } },
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
            // No feature imports another: what two features share lives in features/shared, and the app composes them.
            ...['owner', 'coordinator', 'panel', 'sign-in'].map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`, './shared'],
              message: 'A feature imports no other feature: share through src/features/shared, or compose in src/app.',
            })),
          ],
        },
      ],
    },
  },
);
