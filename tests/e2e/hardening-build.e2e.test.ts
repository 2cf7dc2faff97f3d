import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, PROJECT_ROOT } from './support';

// What the built extension is allowed to be: only the permissions docs/permissions.md justifies, no
// relaxed content security policy, nothing web pages can message, no code from anywhere but the
// package, no eval, and store zips that the same sources always build byte for byte. Runs on the
// build `npm test` makes (no browser needed).

const BUILDS = [
  { name: 'chrome-mv3', dir: CHROME_BUILD_DIR },
  { name: 'firefox-mv2', dir: FIREFOX_BUILD_DIR },
] as const;

/** The parts of a built manifest checked here. */
interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: {
    matches: string[];
    all_frames?: boolean;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
    js?: string[];
  }[];
  web_accessible_resources?: (
    | string
    | { resources: string[]; matches: string[]; use_dynamic_url?: boolean }
  )[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  update_url?: string;
}

/** The allow-list: the JSON block of docs/permissions.md. */
interface AllowList {
  permissions: string[];
  optional_permissions: string[];
  host_permissions: string[];
  content_scripts: {
    matches: string[];
    all_frames: boolean;
    match_about_blank: boolean;
    match_origin_as_fallback: boolean;
  }[];
  web_accessible_resources: string[];
}

const permissionsDoc = readFileSync(path.join(PROJECT_ROOT, 'docs/permissions.md'), 'utf8');

function allowList(): AllowList {
  const block = /## Allow-list[\s\S]*?```json\n([\s\S]*?)```/.exec(permissionsDoc)?.[1];
  if (!block) throw new Error('docs/permissions.md has no "## Allow-list" section with a ```json block');
  return JSON.parse(block) as AllowList;
}

const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Every file of a build, relative to it. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Code that runs strings as code, or reaches the network, by any name a bundle could use. */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'eval', pattern: /(?<![\w$.])eval\s*\(/ },
  { what: 'new Function', pattern: /new\s+Function\s*\(/ },
  { what: 'Function constructor call', pattern: /(?<![\w$.])Function\s*\(/ },
  { what: 'string timer', pattern: /set(?:Timeout|Interval)\s*\(\s*["'`]/ },
  { what: 'importScripts', pattern: /importScripts\s*\(/ },
  { what: 'document.write', pattern: /document\.write(?:ln)?\s*\(/ },
  { what: 'XMLHttpRequest', pattern: /XMLHttpRequest/ },
  { what: 'WebSocket', pattern: /WebSocket/ },
  { what: 'EventSource', pattern: /EventSource/ },
  { what: 'sendBeacon', pattern: /sendBeacon/ },
  { what: 'RTCPeerConnection', pattern: /RTCPeerConnection/ },
  { what: 'a worker', pattern: /new\s+(?:Shared)?Worker\s*\(/ },
];

/**
 * The one `fetch` a bundle may contain: Vite's modulepreload polyfill, which fetches the `href` of the
 * extension page's own `<link rel="modulepreload">` tags (files of the package).
 */
const MODULEPRELOAD_FETCH = /(?<![\w$.])fetch\((\w+)\.href,\s*\w+\)/g;

describe('built extension', () => {
  for (const { name, dir } of BUILDS) {
    describe(name, () => {
      const manifest = manifestOf(dir);
      const allowed = allowList();

      it('asks for exactly the permissions docs/permissions.md justifies, and no host access', () => {
        expect([...(manifest.permissions ?? [])].sort()).toEqual([...allowed.permissions].sort());
        expect(manifest.optional_permissions ?? []).toEqual(allowed.optional_permissions);
        expect(manifest.host_permissions ?? []).toEqual(allowed.host_permissions);
        for (const permission of allowed.permissions)
          expect(permissionsDoc).toContain(`**\`${permission}\`**`);
      });

      it('runs its content script on http(s) pages and in their frames, as docs/permissions.md says', () => {
        expect(
          (manifest.content_scripts ?? []).map((c) => ({
            matches: c.matches,
            all_frames: c.all_frames ?? false,
            match_about_blank: c.match_about_blank ?? false,
            match_origin_as_fallback: c.match_origin_as_fallback ?? false,
          })),
        ).toEqual(allowed.content_scripts);
      });

      it('exposes only the lazily loaded chunks to pages, under unguessable URLs', () => {
        const resources = (manifest.web_accessible_resources ?? []).flatMap((r) =>
          typeof r === 'string' ? [r] : r.resources,
        );
        expect(resources.sort()).toEqual([...allowed.web_accessible_resources].sort());
        for (const entry of manifest.web_accessible_resources ?? []) {
          if (typeof entry === 'string') continue; // MV2: Firefox serves them under a per-install UUID
          expect(entry.use_dynamic_url).toBe(true);
          expect(entry.matches).toEqual(['http://*/*', 'https://*/*']);
        }
      });

      it('keeps the default content security policy, takes no messages from web pages, updates only through its store', () => {
        expect(manifest.content_security_policy).toBeUndefined();
        expect(manifest.externally_connectable).toBeUndefined();
        expect(manifest.update_url).toBeUndefined();
        const background = [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])];
        for (const file of background.filter(Boolean)) expect(file).toMatch(/^[\w./-]+\.js$/);
      });

      it('ships no eval, no code built from strings and no network code; imports only its own files', () => {
        const found: string[] = [];
        const scripts = filesOf(dir).filter((f) => f.endsWith('.js'));
        expect(scripts.length).toBeGreaterThan(5);
        for (const file of scripts) {
          const code = readFileSync(path.join(dir, file), 'utf8');
          for (const { what, pattern } of FORBIDDEN) if (pattern.test(code)) found.push(`${file}: ${what}`);
          // Calls of the global fetch: not `x.fetch(…)`, not a method named fetch (`fetch(a, b) {`).
          const fetches = code.match(/(?<![\w$.])fetch\s*\([^)]*\)(?!\s*\{)/g)?.length ?? 0;
          const preloads = code.includes('modulepreload')
            ? (code.match(MODULEPRELOAD_FETCH)?.length ?? 0)
            : 0;
          if (fetches !== preloads) found.push(`${file}: fetch() other than Vite's modulepreload polyfill`);
          for (const [, argument] of code.matchAll(/(?<![\w$.])import\s*\(([^)]*)\)/g)) {
            const own =
              /^`\.\/[\w.-]+\.js`$|^["']\.\/[\w.-]+\.js["']$/.test(argument ?? '') ||
              /getURL\(/.test(argument ?? '');
            if (!own) found.push(`${file}: import(${argument})`);
          }
        }
        expect(found).toEqual([]);
      });

      it('loads only packaged scripts and styles in its pages', () => {
        for (const file of filesOf(dir).filter((f) => f.endsWith('.html'))) {
          const html = readFileSync(path.join(dir, file), 'utf8');
          const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]*)"/g)].map(
            (m) => m[1],
          );
          expect(refs.length, file).toBeGreaterThan(0);
          for (const ref of refs) expect(ref, file).toMatch(/^\/[\w./-]+$/);
          expect(html, `${file}: inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
        }
      });
    });
  }

  it('builds the store zips (Chrome, Firefox, Edge) and the sources zip reproducibly: same sources, same bytes', {
    timeout: 240_000,
  }, () => {
    const run = spawnSync(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/zip-reproducible.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    const verdict = run.stdout.split('\n').filter((line) => /same|DIFFERENT|differs|Reproducible/.test(line));
    expect(verdict.join('\n')).toMatch(/Reproducible: 4 zips built twice, byte for byte the same\./);
    expect(run.status).toBe(0);
  });
});
