// The lab's layering, enforced here rather than by review: shared imports nothing else (and its own layers only
// downwards), renderer never imports main.
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier/flat';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const sharedPatterns = [
  { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports only src-shared.' },
  {
    group: ['node:*', 'electron', 'fs', 'path', 'child_process', 'os', 'better-sqlite3', 'vue', 'echarts/core'],
    message: 'src-shared stays free of Node, Electron and the DOM.',
  },
];

// The layers inside src-shared, lowest first (docs/ARCHITECTURE.md): a folder imports only the levels before its own,
// never a folder beside it or above it, as VS Code's code-layering rule keeps each layer to the ones it names. So the
// science (base to analysis) never imports the wire contract nor the chart builders. One block per folder: a later
// block's no-restricted-imports replaces the earlier one's, so each repeats the patterns of all of src-shared.
const sharedLayers = [
  ['base'],
  ['config'],
  ['math', 'rng'],
  ['trainers'],
  ['run', 'theory', 'cluster'],
  ['analysis'],
  ['charts'],
  ['api'],
];
const sharedLayerBlocks = sharedLayers.flatMap((level, index) =>
  level.map((folder) => {
    const forbidden = [...level.filter((other) => other !== folder), ...sharedLayers.slice(index + 1).flat()];
    const layering = {
      group: forbidden.map((other) => `**/${other}`),
      message: `src-shared/${folder} imports only the layers below it: ${sharedLayers.slice(0, index).flat().join(', ') || 'nothing'}.`,
    };
    return {
      files: [`src-shared/${folder}/**`],
      rules: restrict(forbidden.length > 0 ? [...sharedPatterns, layering] : sharedPatterns),
    };
  }),
);

// The shells inside src-main (docs/ARCHITECTURE.md): the CLI is a leaf that nothing imports, and the Electron shell and
// the browser-mode host never reach into each other (what both serve, they take from src-main/serve). Each block
// repeats mainPatterns, since a later block's no-restricted-imports replaces the earlier one's.
const throughAlias = {
  group: ['**/src-shared/**'],
  message: 'Import src-shared as #shared/… (package.json "imports"), not by a relative path.',
};
const mainPatterns = [
  { group: ['**/src-renderer/**'], message: 'Main code never imports the renderer.' },
  throughAlias,
];
const notCli = {
  group: ['**/cli', '**/cli/**'],
  message: 'The CLI is a leaf: move what others need out of src-main/cli.',
};
const mainShellBlocks = [
  { files: ['src-main/**'], ignores: ['src-main/cli/**'], rules: restrict([...mainPatterns, notCli]) },
  {
    files: ['src-main/electron/**'],
    rules: restrict([
      ...mainPatterns,
      notCli,
      {
        group: ['**/host', '**/host/**'],
        message: 'The Electron shell does not import the browser-mode host: shared serving lives in src-main/serve.',
      },
    ]),
  },
  {
    files: ['src-main/host/**'],
    rules: restrict([
      ...mainPatterns,
      notCli,
      {
        group: ['**/electron/**'],
        message: 'The browser-mode host does not import the Electron shell: shared serving lives in src-main/serve.',
      },
    ]),
  },
];

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
      ...restrict(sharedPatterns),
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'pass a seeded Rng' }],
    },
  },
  ...sharedLayerBlocks,
  {
    files: ['src-renderer/**'],
    rules: restrict([
      {
        group: ['**/src-main/**', '!**/src-main/preload/apiTypes'],
        message: 'The renderer talks to main only through the LabApi contract.',
      },
      {
        group: ['node:*', 'electron', 'better-sqlite3'],
        message: 'The renderer runs sandboxed: no Node or Electron modules.',
      },
      throughAlias,
    ]),
  },
  {
    files: ['test/**', 'bench/**'],
    rules: restrict([throughAlias]),
  },
  {
    files: ['src-main/**'],
    rules: restrict(mainPatterns),
  },
  ...mainShellBlocks,
  // Layout is Prettier's (`npm run format`; `prettier --check` runs with lint): ESLint's own layout rules are off.
  prettier,
];
