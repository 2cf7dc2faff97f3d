import { hostMatches, hostOf } from './host-patterns';
import type { Settings } from './schema';

/** Where a tab's site stands with the site rules (what the popup's site control offers). */
export type SiteState =
  /** The tab shows no website (a browser page, a file): site rules do not apply. */
  | { kind: 'none' }
  /** IOM Lens may run on this host (unless paused everywhere). */
  | { kind: 'on'; host: string }
  /** Off because the host itself is on the deny list: one click turns it back on. */
  | { kind: 'off-by-host'; host: string }
  /** Off because of a wildcard pattern or the allow list: changed in the options. */
  | { kind: 'off-by-rule'; host: string };

/** How the site rules treat `url` (ignoring the global pause, which the popup shows apart). */
export function siteState(settings: Pick<Settings, 'allow' | 'deny'>, url: string | null): SiteState {
  const host = url === null ? null : hostOf(url);
  if (host === null) return { kind: 'none' };
  if (settings.deny.includes(host)) return { kind: 'off-by-host', host };
  if (settings.deny.some((p) => hostMatches(p, host))) return { kind: 'off-by-rule', host };
  if (settings.allow.length > 0 && !settings.allow.some((p) => hostMatches(p, host))) {
    return { kind: 'off-by-rule', host };
  }
  return { kind: 'on', host };
}
