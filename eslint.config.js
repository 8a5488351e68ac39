import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// The app's layering: app → features → shared (src/lib, src/components, src/core). A feature imports shared
// code and itself, never another feature; shared code imports neither a feature nor the app.
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const featureBoundary = (feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^#src/(app/|features/(?!${feature}/))`,
            message:
              'A feature imports shared code (#src/lib, #src/components, #src/core), not another feature or the app.',
          },
          {
            regex: '^\\.\\./\\.\\./(?!\\.\\./)',
            message: 'A feature imports shared code (#src/lib, #src/components, #src/core), not another feature.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'var/', 'server/build/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  ...FEATURES.map(featureBoundary),
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^#src/|^(\\.\\./)+)(features|app)/',
              message: 'Shared code imports neither a feature nor the app.',
            },
          ],
        },
      ],
    },
  },
);
