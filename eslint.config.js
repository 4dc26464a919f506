// The lab's layering, enforced here rather than by review: shared imports nothing else, renderer never imports main.
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default [
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'release/**'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'no-restricted-globals': ['error', { name: 'Math.random', message: 'pass a seeded Rng' }],
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      ...restrict([
        { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports only src-shared.' },
        { group: ['node:*', 'electron', 'fs', 'path', 'child_process', 'os', 'better-sqlite3', 'vue', 'echarts/core'], message: 'src-shared stays free of Node, Electron and the DOM.' },
      ]),
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'pass a seeded Rng' }],
    },
  },
  {
    files: ['src-renderer/**'],
    rules: restrict([
      { group: ['**/src-main/**', '!**/src-main/preload/api-types'], message: 'The renderer talks to main only through the LabApi contract.' },
      { group: ['node:*', 'electron', 'better-sqlite3'], message: 'The renderer runs sandboxed: no Node or Electron modules.' },
    ]),
  },
  {
    files: ['src-main/**'],
    rules: restrict([{ group: ['**/src-renderer/**'], message: 'Main code never imports the renderer.' }]),
  },
];
