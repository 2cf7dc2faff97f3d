/**
 * Site patterns for the allow and deny lists. A pattern is a host name in which `*` stands for any
 * run of characters; a leading `*.` also matches the bare domain, so `*.example.org` covers
 * example.org and every subdomain (as browsers' match patterns do). Ports, schemes and paths are
 * ignored: people paste whole URLs, and a site is its host.
 */

/** Characters a normalized pattern may contain: DNS labels, IPv4, bracketed IPv6 and wildcards. */
const PATTERN_CHARS = /^[a-z0-9*.\-[\]:]+$/;

/** Cache of compiled patterns: isActiveOn runs on every page load with the same few patterns. */
const compiled = new Map<string, RegExp>();

/** Compiled patterns kept at most; lists are capped well below this. */
const COMPILED_CACHE_MAX = 1000;

/**
 * Normalizes what a person typed (`https://Www.Example.org/path`, ` *.example.org `) to a host
 * pattern (`www.example.org`, `*.example.org`), or null when it cannot be one.
 */
export function normalizeHostPattern(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (s === '') return null;
  // Strip a scheme and anything after the host.
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/[/?#].*$/, '');
  s = s.replace(/^[^@]*@/, '');
  // Drop a port, but keep bracketed IPv6 hosts whole.
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return null;
    s = s.slice(0, end + 1);
  } else {
    s = s.replace(/:\d*$/, '');
  }
  s = s.replace(/\.$/, '');
  if (/[^ -~]/.test(s)) s = toAsciiHost(s) ?? '';
  if (s === '' || !PATTERN_CHARS.test(s)) return null;
  if (s.includes('..') || s.startsWith('.') || /\*{2,}/.test(s)) return null;
  if (!s.startsWith('[') && s.includes(':')) return null;
  return s;
}

/** Converts an internationalized host to its punycode form through the URL parser. */
function toAsciiHost(host: string): string | null {
  // A wildcard is not a valid host character everywhere; swap it for a placeholder label.
  const placeholder = 'wildcard-placeholder';
  try {
    const ascii = new URL(`http://${host.replaceAll('*', placeholder)}/`).hostname;
    return ascii.replaceAll(placeholder, '*');
  } catch {
    return null;
  }
}

function compile(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re) return re;
  const toSource = (part: string) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  re = pattern.startsWith('*.')
    ? new RegExp(`^(?:.*\\.)?${toSource(pattern.slice(2))}$`)
    : new RegExp(`^${toSource(pattern)}$`);
  if (compiled.size >= COMPILED_CACHE_MAX) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/** True when `host` (already lower-case, no port) matches the normalized `pattern`. */
export function hostMatches(pattern: string, host: string): boolean {
  return compile(pattern).test(host);
}

/** The host of an http(s) URL, lower-case without a trailing dot; null for other URLs. */
export function hostOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname.replace(/\.$/, '');
}

/** The slice of Settings that decides where IOM Lens runs. */
export interface SiteRules {
  /** True while paused everywhere. */
  paused: boolean;
  /** Host patterns IOM Lens is limited to; empty means every site. */
  allow: readonly string[];
  /** Host patterns IOM Lens never runs on. */
  deny: readonly string[];
}

/**
 * True when IOM Lens should run on `url`: not paused, an http(s) page, no deny pattern matches, and
 * either the allow list is empty or one of its patterns matches. Deny wins over allow.
 */
export function isActiveOn(settings: SiteRules, url: string): boolean {
  if (settings.paused) return false;
  const host = hostOf(url);
  if (host === null) return false;
  if (settings.deny.some((p) => hostMatches(p, host))) return false;
  return settings.allow.length === 0 || settings.allow.some((p) => hostMatches(p, host));
}
