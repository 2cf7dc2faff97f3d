import { startFrameGate } from '@/lib/page/frame-gate';

/** The little of the runtime API the gate uses, as Chromium (`chrome`) and Firefox (`browser`) offer it. */
interface GateRuntime {
  id?: string;
  getURL(path: string): string;
}

/**
 * Injected into every subframe (the manifest entry is added in wxt.config.ts); the top-level page gets the
 * content script directly. It imports the content script (a web-accessible resource) into frames worth
 * reading (lib/page/frame-gate.ts, docs/adr/006-frame-gate.md). The runtime is read from the browser's own
 * global rather than through webextension-polyfill: the polyfill's evaluation would cost every frame more
 * than all of this script.
 */
export default defineUnlistedScript(() => {
  const runtime =
    (globalThis as { browser?: { runtime: GateRuntime }; chrome?: { runtime: GateRuntime } }).browser
      ?.runtime ?? (globalThis as { chrome?: { runtime: GateRuntime } }).chrome?.runtime;
  if (!runtime?.id) return;
  const { id } = runtime;
  const gate = startFrameGate({
    win: window,
    // WXT's event name for our content script ("<extension id>:<entrypoint>:wxt:content-script-started").
    startedEvent: `${id}:content:wxt:content-script-started`,
    load: async () => {
      if (!runtime.id) return false; // the extension was updated or removed while the frame waited
      await import(/* @vite-ignore */ runtime.getURL('/content-scripts/content.js'));
      return true;
    },
  });
  // Tests and the benchmarks read where each frame's gate stands (the content script's world only).
  (globalThis as { iomLensGate?: typeof gate }).iomLensGate = gate;
});
