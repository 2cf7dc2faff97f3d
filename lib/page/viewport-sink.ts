import type { HighlightSink } from './highlight-sink';

/**
 * How far beyond the viewport mentions are painted, as an IntersectionObserver rootMargin: a quarter of
 * a viewport above and below, so marks are in place before they scroll into view. Chromium re-validates
 * every registered range on each frame in which the page's DOM changed (about 5 µs per range per frame
 * here), so painting only what is near the viewport keeps busy pages fast; a wider margin paints more
 * ranges for no visible gain.
 */
export const PAINT_MARGIN = '25% 0px';

/**
 * The observer's own cost grows with what it observes: on every frame in which the page's layout changed,
 * Chromium recomputes every target (1,000 observed paragraphs made 10,000 page mutations 25 % dearer
 * here; 63 made no measurable difference). So mentions far from the viewport are watched in groups,
 * through two of their elements, the top and the bottom one.
 *
 * A group spans at most this fraction of the observer's root (the viewport and its margins), measured
 * when it forms. That bounds what a group paints beyond what is in view, and keeps a group from
 * straddling the root while neither end is in it unless its layout grew since.
 */
export const GROUP_SPAN_OF_ROOT = 1;

/** At most this many elements in a group, so a group near the viewport paints few marks out of view. */
export const GROUP_MAX_MEMBERS = 32;

/** Where an element is beside the observer's root, by its last report. */
type Side = 'near' | 'above' | 'below' | 'unknown';

/** Elements far from the viewport watched together: painted while their span may meet the root. */
interface Group {
  members: Set<Element>;
  /** The element with the highest top and the one with the lowest bottom when the group formed. */
  top: Element;
  bottom: Element;
  topSide: Side;
  bottomSide: Side;
  near: boolean;
}

/**
 * Above or below the root, when the report says so: elements beside it (scrolled sideways, clipped by a
 * scroller, not rendered) and reports without a root (cross-origin frames) say nothing certain.
 */
function sideOf(entry: IntersectionObserverEntry): Side {
  if (entry.isIntersecting) return 'near';
  const root = entry.rootBounds;
  const rect = entry.boundingClientRect;
  if (!root || !rect || (rect.width === 0 && rect.height === 0)) return 'unknown';
  if (rect.bottom <= root.top) return 'above';
  if (rect.top >= root.bottom) return 'below';
  return 'unknown';
}

/**
 * A group is away only while both of its ends are known to be on the same side of the root; any other
 * state (one end near, the ends on opposite sides, an end unknown) paints it. Members lie between the
 * ends vertically (so it was when the group formed), so this never leaves a member in view unpainted.
 */
const groupIsNear = (group: Group) =>
  !(group.topSide === group.bottomSide && (group.topSide === 'above' || group.topSide === 'below'));

/** One element reported away from the root, with its box in that report's coordinates. */
interface Far {
  el: Element;
  top: number;
  bottom: number;
}

/**
 * Splits elements reported away on one side, in one report (one frame's coordinates), into runs of
 * nearby elements: each spans at most `maxSpan` px and holds at most GROUP_MAX_MEMBERS. Runs of one are
 * left out (an element alone is watched as it is).
 */
export function nearbyRuns(far: Far[], maxSpan: number): Far[][] {
  const sorted = [...far].sort((a, b) => a.top - b.top);
  const runs: Far[][] = [];
  let run: Far[] = [];
  let bottom = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    const first = run[0];
    if (first && run.length < GROUP_MAX_MEMBERS && Math.max(bottom, item.bottom) - first.top <= maxSpan) {
      run.push(item);
      bottom = Math.max(bottom, item.bottom);
      continue;
    }
    if (run.length > 1) runs.push(run);
    run = [item];
    bottom = item.bottom;
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * A sink that passes on only the ranges near the viewport: `add` and `delete` say which ranges should
 * be painted, and an IntersectionObserver on their elements moves them in and out of `target`.
 *
 * Each element is observed on its own first. Elements one report finds away on the same side are then
 * grouped (`nearbyRuns`) and watched through their group's two ends only. A jump (an anchor, the End key,
 * the popup's "show") can carry both ends past the root between two frames, which the observer does not
 * report; so while groups exist, each frame with a scroll asks again where their ends are, and a resize
 * (which reflows the text) breaks the groups up and lets them form anew.
 * Where IntersectionObserver is missing (unit tests), every range is painted.
 */
export function createViewportSink(win: typeof globalThis, target: HighlightSink): HighlightSink {
  const Observer = (win as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (typeof Observer !== 'function') return target;
  const wanted = new Set<AbstractRange>();
  const byElement = new Map<Element, Set<AbstractRange>>();
  const elementOf = new Map<AbstractRange, Element>();
  /** Elements watched on their own that were last reported near. */
  const near = new Set<Element>();
  /** The group of each member, and of each end (an end stays one after its last range is gone). */
  const groupOf = new Map<Element, Group>();
  const groups = new Set<Group>();
  let observer: IntersectionObserver | null = null;
  let frame: { id: number; resize: boolean } | null = null;
  let listening = false;

  const paint = (el: Element, on: boolean) => {
    for (const range of byElement.get(el) ?? []) {
      if (on) target.add(range);
      else target.delete(range);
    }
  };
  const setGroupNear = (group: Group, on: boolean) => {
    if (group.near === on) return;
    group.near = on;
    for (const el of group.members) paint(el, on);
  };
  const ends = (group: Group) => (group.top === group.bottom ? [group.top] : [group.top, group.bottom]);

  const onIntersection = (entries: IntersectionObserverEntry[]) => {
    // By element: an element reported twice in one batch counts by its last report.
    const above = new Map<Element, Far>();
    const below = new Map<Element, Far>();
    let rootHeight = 0;
    for (const entry of entries) {
      const el = entry.target;
      const side = sideOf(entry);
      const group = groupOf.get(el);
      if (group) {
        // Only the ends speak for a group: a report queued before another member stopped being observed
        // on its own says nothing about it.
        if (el !== group.top && el !== group.bottom) continue;
        if (el === group.top) group.topSide = side;
        if (el === group.bottom) group.bottomSide = side;
        setGroupNear(group, groupIsNear(group));
        continue;
      }
      if (!byElement.has(el)) continue;
      if (entry.isIntersecting !== near.has(el)) {
        if (entry.isIntersecting) near.add(el);
        else near.delete(el);
        paint(el, entry.isIntersecting);
      }
      above.delete(el);
      below.delete(el);
      if (side === 'above' || side === 'below') {
        const { top, bottom } = entry.boundingClientRect;
        (side === 'above' ? above : below).set(el, { el, top, bottom });
        rootHeight = entry.rootBounds?.height ?? 0;
      }
    }
    if (rootHeight > 0) {
      for (const [side, far] of [['above', above] as const, ['below', below] as const]) {
        for (const run of nearbyRuns([...far.values()], rootHeight * GROUP_SPAN_OF_ROOT))
          formGroup(run, side);
      }
    }
  };

  const formGroup = (run: Far[], side: 'above' | 'below') => {
    const top = run[0] as Far;
    const bottom = run.reduce((low, item) => (item.bottom > low.bottom ? item : low));
    const group: Group = {
      members: new Set(run.map((item) => item.el)),
      top: top.el,
      bottom: bottom.el,
      topSide: side,
      bottomSide: side,
      near: false,
    };
    for (const { el } of run) {
      groupOf.set(el, group);
      if (el !== group.top && el !== group.bottom) observer?.unobserve(el);
    }
    groups.add(group);
    listen();
  };

  /** Forgets a group and stops observing its ends (its members are the caller's). */
  const drop = (group: Group) => {
    groups.delete(group);
    for (const el of ends(group)) {
      groupOf.delete(el);
      observer?.unobserve(el);
    }
  };

  /** Back to one observation per element: each reports afresh, and far ones group again. */
  const breakUp = (group: Group) => {
    drop(group);
    for (const el of group.members) {
      groupOf.delete(el);
      if (group.near) near.add(el);
      observer?.observe(el);
    }
  };

  const onFrame = () => {
    const resize = frame?.resize ?? false;
    frame = null;
    for (const group of [...groups]) {
      if (resize) {
        breakUp(group);
        continue;
      }
      // Observing anew makes the observer report where the ends are now, even if they did not cross.
      for (const el of ends(group)) {
        observer?.unobserve(el);
        observer?.observe(el);
      }
    }
  };
  const schedule = (resize: boolean) => {
    if (frame) {
      frame.resize ||= resize;
      return;
    }
    frame = { id: win.requestAnimationFrame(onFrame), resize };
  };
  const onScroll = () => schedule(false);
  const onResize = () => schedule(true);
  const listen = () => {
    if (listening || typeof win.addEventListener !== 'function') return;
    listening = true;
    // Capture: scrolls of the page's own scrollers do not bubble.
    win.addEventListener('scroll', onScroll, { capture: true, passive: true });
    win.addEventListener('resize', onResize, { passive: true });
  };
  const unlisten = () => {
    if (!listening) return;
    listening = false;
    win.removeEventListener('scroll', onScroll, { capture: true });
    win.removeEventListener('resize', onResize);
    if (frame) win.cancelAnimationFrame(frame.id);
    frame = null;
  };

  const forget = (el: Element) => {
    byElement.delete(el);
    near.delete(el);
    const group = groupOf.get(el);
    if (!group) return observer?.unobserve(el);
    group.members.delete(el);
    if (el !== group.top && el !== group.bottom) groupOf.delete(el);
    if (group.members.size === 0) drop(group);
  };

  return {
    add(range) {
      wanted.add(range);
      const el = range.startContainer.parentElement;
      if (el === null) return target.add(range);
      elementOf.set(range, el);
      let ranges = byElement.get(el);
      if (!ranges) {
        ranges = new Set();
        byElement.set(el, ranges);
        const group = groupOf.get(el);
        if (group)
          group.members.add(el); // an end of its group, back with a mention
        else {
          // Created on the first range: pages without mentions never get one.
          observer ??= new Observer(onIntersection, { rootMargin: PAINT_MARGIN });
          observer.observe(el); // reports the element's current state asynchronously
        }
      }
      ranges.add(range);
      const group = groupOf.get(el);
      if (group ? group.near : near.has(el)) target.add(range);
    },
    delete(range) {
      wanted.delete(range);
      target.delete(range);
      const el = elementOf.get(range);
      if (el === undefined) return;
      elementOf.delete(range);
      const ranges = byElement.get(el);
      ranges?.delete(range);
      if (ranges && ranges.size === 0) forget(el);
    },
    clear() {
      unlisten();
      observer?.disconnect();
      observer = null;
      wanted.clear();
      byElement.clear();
      elementOf.clear();
      near.clear();
      groupOf.clear();
      groups.clear();
      target.clear();
    },
    get size() {
      return wanted.size;
    },
  };
}
