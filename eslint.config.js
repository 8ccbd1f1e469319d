import Module from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// typescript-eslint parses with TypeScript's JavaScript API, which TypeScript 7 (our compiler) does not have
// yet; it gets TypeScript 6.0's, installed as typescript-api. The compiler that checks the code stays 7.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const fromTypescriptEslint = /node_modules\/(@typescript-eslint\/|typescript-eslint\/|ts-api-utils\/)/.test(parent?.filename ?? '');
  if (fromTypescriptEslint && (request === 'typescript' || request.startsWith('typescript/'))) {
    return resolveFilename.call(this, request.replace(/^typescript/, 'typescript-api'), parent, ...rest);
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

const { default: tseslint } = await import('typescript-eslint'); // after the redirect above

const outsideCore = ['**/viz/**', '**/app/**', '**/content/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'public/**', 'node_modules/**', 'src/core/ops/matmulWasm.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is the math that Node, tests, workers and the browser all run: no DOM, React, D3 or UI.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: outsideCore, message: 'src/core imports nothing from viz, app or content.' },
            { group: ['react', 'react-dom', 'react/*', 'd3', 'd3-*'], message: 'src/core is pure TypeScript: no React or D3.' },
          ],
        },
      ],
    },
  },
  {
    // Layouts and scales are pure functions: React renders them in src/app.
    files: ['src/viz/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**'], message: 'src/viz imports nothing from app.' },
            { group: ['react', 'react-dom', 'react/*'], message: 'src/viz computes; React renders in src/app.' },
          ],
        },
      ],
    },
  },
);
