/** Electronegativity over the app, offline, with every finding fixed or explained in electronegativity.allow.json. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judge, readAllowlist, scan, type Finding } from '../../scripts/electronegativity.mjs';

const root = path.join(import.meta.dirname, '../..');
const fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'ttlab-insecure-'));
afterAll(() => fs.rmSync(fixture, { recursive: true, force: true }));

/** A tiny app with the classic mistakes, to show the scanner really looks. */
function insecureApp(): string {
  fs.mkdirSync(path.join(fixture, 'src-main'), { recursive: true });
  fs.mkdirSync(path.join(fixture, 'src-renderer'), { recursive: true });
  fs.writeFileSync(
    path.join(fixture, 'package.json'),
    JSON.stringify({ name: 'insecure', devDependencies: { electron: '45.5.0' } }),
  );
  fs.writeFileSync(
    path.join(fixture, 'src-main', 'main.ts'),
    "import { BrowserWindow, shell } from 'electron';\n" +
      'const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n' +
      "window.loadURL('http://example.com/');\n" +
      "window.webContents.on('new-window', (_e: unknown, url: string) => shell.openExternal(url));\n",
  );
  fs.writeFileSync(
    path.join(fixture, 'src-renderer', 'index.html'),
    '<html><body><script src="http://cdn.example/x.js"></script></body></html>',
  );
  return fixture;
}

describe('the Electron security scan', () => {
  it('finds the classic mistakes in an insecure app, offline', async () => {
    const checks = new Set((await scan(insecureApp())).map((finding) => finding.check));
    const expected = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ];
    for (const check of expected) {
      expect(checks, check).toContain(check);
    }
  });

  it('passes on this app: every finding is explained, every explanation still matches, and no network is used', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/electronegativity.mjs')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/explained in electronegativity\.allow\.json/);
    expect(result.stdout).not.toMatch(/translations|No connectivity|Fetching/);
    expect(result.status).toBe(0);
  });
});

describe('judge', () => {
  const finding = (check: string, file: string): Finding => ({
    check,
    file,
    line: 1,
    severity: 'LOW',
    description: '',
  });
  const why = 'explained at length for the test';

  it('lets through only findings whose check and file are both explained', () => {
    const findings = [
      finding('CSP_GLOBAL_CHECK', 'a.html'),
      finding('CSP_GLOBAL_CHECK', 'b.html'),
      finding('SANDBOX_JS_CHECK', 'a.html'),
    ];
    const { unexplained, stale } = judge(findings, [
      { check: 'CSP_GLOBAL_CHECK', file: 'a.html', why },
      { check: 'PRELOAD_JS_CHECK', file: 'a.html', why },
    ]);
    expect(unexplained).toEqual([findings[1], findings[2]]);
    expect(stale).toEqual([{ check: 'PRELOAD_JS_CHECK', file: 'a.html', why }]);
  });

  it('refuses an allowlist entry without a real reason', () => {
    const file = path.join(fixture, 'allow.json');
    fs.writeFileSync(file, JSON.stringify([{ check: 'CSP_GLOBAL_CHECK', file: 'a.html', why: 'fine' }]));
    expect(() => readAllowlist(file)).toThrow(/say why/);
    fs.writeFileSync(file, JSON.stringify([{ check: 'CSP_GLOBAL_CHECK', file: 'a.html', why, severity: 'LOW' }]));
    expect(() => readAllowlist(file)).toThrow();
  });
});
