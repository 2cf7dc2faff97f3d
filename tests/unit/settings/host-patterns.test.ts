import { describe, expect, it } from 'vitest';
import { hostMatches, isActiveOn, normalizeHostPattern, siteState } from '@/lib/settings';

const rules = (over: Partial<{ paused: boolean; allow: string[]; deny: string[] }> = {}) => ({
  paused: false,
  allow: [],
  deny: [],
  ...over,
});

describe('normalizeHostPattern', () => {
  it('reduces pasted URLs to their host, lower-cased, without port or path', () => {
    expect(normalizeHostPattern(' https://News.Example.ORG:8443/a/b?c#d ')).toBe('news.example.org');
    expect(normalizeHostPattern('user@example.org')).toBe('example.org');
    expect(normalizeHostPattern('example.org.')).toBe('example.org');
  });

  it('keeps wildcards', () => {
    expect(normalizeHostPattern('*.Example.org')).toBe('*.example.org');
    expect(normalizeHostPattern('news.*')).toBe('news.*');
    expect(normalizeHostPattern('*')).toBe('*');
  });

  it('converts internationalized hosts to punycode', () => {
    expect(normalizeHostPattern('bücher.example')).toBe('xn--bcher-kva.example');
    expect(normalizeHostPattern('*.bücher.example')).toBe('*.xn--bcher-kva.example');
  });

  it('keeps bracketed IPv6 hosts and IPv4 addresses', () => {
    expect(normalizeHostPattern('http://[::1]:8080/')).toBe('[::1]');
    expect(normalizeHostPattern('127.0.0.1:3000')).toBe('127.0.0.1');
  });

  it('refuses what cannot be a host', () => {
    for (const bad of [
      '',
      '   ',
      'exa mple.org',
      'a..b',
      '.example.org',
      'ex_ample.org',
      '**.org',
      'a:b:c',
    ]) {
      expect(normalizeHostPattern(bad), bad).toBeNull();
    }
  });
});

describe('hostMatches', () => {
  it('matches a bare host exactly', () => {
    expect(hostMatches('example.org', 'example.org')).toBe(true);
    expect(hostMatches('example.org', 'www.example.org')).toBe(false);
    expect(hostMatches('example.org', 'example.org.evil.test')).toBe(false);
  });

  it('matches the domain and every subdomain with a leading *.', () => {
    expect(hostMatches('*.example.org', 'example.org')).toBe(true);
    expect(hostMatches('*.example.org', 'a.example.org')).toBe(true);
    expect(hostMatches('*.example.org', 'a.b.example.org')).toBe(true);
    expect(hostMatches('*.example.org', 'badexample.org')).toBe(false);
    expect(hostMatches('*.example.org', 'example.org.evil.test')).toBe(false);
  });

  it('lets * stand for any run of characters elsewhere', () => {
    expect(hostMatches('news.*', 'news.example.org')).toBe(true);
    expect(hostMatches('news.*', 'news2.example.org')).toBe(false);
    expect(hostMatches('*', 'anything.test')).toBe(true);
    expect(hostMatches('intranet-*.corp', 'intranet-eu.corp')).toBe(true);
  });

  it('treats dots literally', () => {
    expect(hostMatches('a.b', 'axb')).toBe(false);
  });
});

describe('isActiveOn', () => {
  it('runs on every http(s) site by default', () => {
    expect(isActiveOn(rules(), 'https://example.org/x')).toBe(true);
    expect(isActiveOn(rules(), 'http://127.0.0.1:8080/')).toBe(true);
  });

  it('never runs while paused', () => {
    expect(isActiveOn(rules({ paused: true }), 'https://example.org/')).toBe(false);
  });

  it('never runs on pages that are not http(s) or not URLs', () => {
    expect(isActiveOn(rules(), 'chrome://extensions')).toBe(false);
    expect(isActiveOn(rules(), 'file:///tmp/a.html')).toBe(false);
    expect(isActiveOn(rules(), 'not a url')).toBe(false);
  });

  it('skips denied sites, wildcards included', () => {
    const s = rules({ deny: ['*.example.org'] });
    expect(isActiveOn(s, 'https://www.example.org/')).toBe(false);
    expect(isActiveOn(s, 'https://example.org/')).toBe(false);
    expect(isActiveOn(s, 'https://example.com/')).toBe(true);
  });

  it('restricts to the allow list when it is not empty', () => {
    const s = rules({ allow: ['news.*', 'iom.int'] });
    expect(isActiveOn(s, 'https://iom.int/')).toBe(true);
    expect(isActiveOn(s, 'https://news.example.org/')).toBe(true);
    expect(isActiveOn(s, 'https://example.org/')).toBe(false);
  });

  it('lets deny win over allow', () => {
    const s = rules({ allow: ['*.example.org'], deny: ['private.example.org'] });
    expect(isActiveOn(s, 'https://www.example.org/')).toBe(true);
    expect(isActiveOn(s, 'https://private.example.org/')).toBe(false);
  });

  it('ignores the port and a trailing dot of the page host', () => {
    expect(isActiveOn(rules({ deny: ['example.org'] }), 'https://example.org.:8443/')).toBe(false);
  });
});

describe('siteState', () => {
  it('has no site for pages that are not websites', () => {
    expect(siteState({ allow: [], deny: [] }, 'about:blank')).toEqual({ kind: 'none' });
    expect(siteState({ allow: [], deny: [] }, null)).toEqual({ kind: 'none' });
  });

  it('tells a host denied by name from one denied by a wildcard or the allow list', () => {
    expect(siteState({ allow: [], deny: ['a.org'] }, 'https://a.org/x')).toEqual({
      kind: 'off-by-host',
      host: 'a.org',
    });
    expect(siteState({ allow: [], deny: ['*.a.org'] }, 'https://b.a.org/')).toEqual({
      kind: 'off-by-rule',
      host: 'b.a.org',
    });
    expect(siteState({ allow: ['c.org'], deny: [] }, 'https://a.org/')).toEqual({
      kind: 'off-by-rule',
      host: 'a.org',
    });
    expect(siteState({ allow: ['c.org'], deny: [] }, 'https://c.org/')).toEqual({
      kind: 'on',
      host: 'c.org',
    });
  });
});
