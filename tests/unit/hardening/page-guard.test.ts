import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUARD_INTERVAL_MS, MAX_REPAIRS, removeLeftovers, startPageGuard } from '@/lib/page/page-guard';

/** A content lens stand-in: running, with its style element in <head> and its highlight registered. */
function setup({ valid = true } = {}) {
  document.head.replaceChildren();
  document.body.replaceChildren();
  const style = document.createElement('style');
  style.setAttribute('data-iom-lens', '');
  document.head.append(style);
  const highlight = { ours: true };
  const registry = new Map<string, unknown>([['iom-lens-mention', highlight]]);
  const listeners = new Set<() => void>();
  const lens = {
    lens: {} as unknown,
    onChange: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: vi.fn(() => {
      lens.lens = null;
      style.remove();
    }),
  };
  const context = { valid };
  const controller = new AbortController();
  const onGiveUp = vi.fn();
  const guard = startPageGuard({
    doc: document,
    win: window,
    registry,
    lens,
    isContextValid: () => context.valid,
    onGiveUp,
    signal: controller.signal,
  });
  const commit = () => {
    for (const listener of listeners) listener();
  };
  return { guard, style, highlight, registry, lens, context, controller, onGiveUp, commit };
}

describe('removeLeftovers', () => {
  it('removes the style elements and UI hosts an earlier content script left where it adds them, and nothing else', () => {
    document.head.innerHTML = '<style data-iom-lens></style><style id="page"></style>';
    document.body.innerHTML = '<p>text</p><iom-lensing></iom-lensing>';
    document.documentElement.append(document.createElement('iom-lens-card'));
    document.documentElement.append(document.createElement('iom-lens-tooltip'));
    expect(removeLeftovers(document)).toBe(3);
    expect(document.head.innerHTML).toBe('<style id="page"></style>');
    expect(document.documentElement.querySelector('iom-lens-card, iom-lens-tooltip')).toBeNull();
    expect(document.body.innerHTML).toBe('<p>text</p><iom-lensing></iom-lensing>');
  });
});

describe('startPageGuard', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts back the same style element and highlight when the page removes them', async () => {
    const { guard, style, highlight, registry, controller } = setup();
    style.remove();
    registry.clear();
    guard.check();
    expect(style.isConnected).toBe(true);
    expect(document.head.querySelectorAll('style[data-iom-lens]')).toHaveLength(1);
    expect(registry.get('iom-lens-mention')).toBe(highlight);
    expect(guard.repairs).toBe(1);
    controller.abort();
  });

  it('replaces a highlight the page registered under our name', () => {
    const { guard, highlight, registry, controller } = setup();
    registry.set('iom-lens-mention', { page: true });
    guard.check();
    expect(registry.get('iom-lens-mention')).toBe(highlight);
    controller.abort();
  });

  it('looks by itself every GUARD_INTERVAL_MS while the page is visible', () => {
    const { guard, registry, highlight, controller } = setup();
    registry.clear();
    vi.advanceTimersByTime(GUARD_INTERVAL_MS - 1);
    expect(registry.size).toBe(0);
    vi.advanceTimersByTime(1);
    expect(registry.get('iom-lens-mention')).toBe(highlight);
    expect(guard.repairs).toBe(1);
    controller.abort();
    registry.clear();
    vi.advanceTimersByTime(GUARD_INTERVAL_MS * 3);
    expect(registry.size).toBe(0);
  });

  it(`stops IOM Lens on a page that removes its nodes more than ${MAX_REPAIRS} times`, () => {
    const { guard, style, lens, onGiveUp, controller } = setup();
    for (let i = 0; i < MAX_REPAIRS; i++) {
      style.remove();
      guard.check();
      expect(style.isConnected).toBe(true);
    }
    expect(lens.dispose).not.toHaveBeenCalled();
    style.remove();
    guard.check();
    expect(lens.dispose).toHaveBeenCalledOnce();
    expect(onGiveUp).toHaveBeenCalledWith(MAX_REPAIRS + 1);
    expect(style.isConnected).toBe(false);
    guard.check();
    expect(style.isConnected).toBe(false);
    controller.abort();
  });

  it('repairs nothing once the extension context is gone, nor while IOM Lens is off', () => {
    const off = setup();
    off.lens.lens = null;
    off.commit();
    off.style.remove();
    off.guard.check();
    expect(off.style.isConnected).toBe(false);
    off.controller.abort();
    const gone = setup({ valid: false });
    gone.style.remove();
    gone.guard.check();
    expect(gone.style.isConnected).toBe(false);
    expect(gone.guard.repairs).toBe(0);
    gone.controller.abort();
  });

  it('follows the highlight the lens registers after a restart', () => {
    const { guard, registry, commit, controller } = setup();
    const next = { ours: 'again' };
    registry.set('iom-lens-mention', next);
    commit(); // the lens committed with a new highlighter (after a pause and resume)
    registry.clear();
    guard.check();
    expect(registry.get('iom-lens-mention')).toBe(next);
    controller.abort();
  });
});

describe('startPageGuard, style added late', () => {
  it('learns a style element added after the last commit, and puts it back once removed', async () => {
    document.head.replaceChildren();
    const controller = new AbortController();
    const lens = { lens: {} as unknown, onChange: () => () => {}, dispose: () => {} };
    const guard = startPageGuard({
      doc: document,
      win: window,
      lens,
      isContextValid: () => true,
      signal: controller.signal,
    });
    const style = document.createElement('style');
    style.setAttribute('data-iom-lens', '');
    document.head.append(style); // painted later: the head observer sees it arrive
    await new Promise((resolve) => setTimeout(resolve, 0));
    style.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(style.isConnected).toBe(true);
    expect(guard.repairs).toBe(1);
    controller.abort();
  });
});
