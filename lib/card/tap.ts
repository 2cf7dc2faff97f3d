/**
 * Tells a tap from the other things a finger does (scroll, long-press to select, pinch), from the
 * touch pointer events alone. Pure: the controller feeds it events' coordinates and time stamps.
 */
import { TAP_MAX_MS, TAP_SLOP_PX } from './timing';

/** One touch pointer event, as much of it as the recognizer needs. */
export interface TouchPoint {
  /** `PointerEvent.pointerId`: which finger. */
  id: number;
  /** Viewport coordinates. */
  x: number;
  y: number;
  /** `Event.timeStamp`, in ms. */
  time: number;
}

/** Follows one finger at a time; a second finger (a pinch) cancels the tap. */
export interface TapRecognizer {
  /** A finger touched down. */
  down(point: TouchPoint): void;
  /** A finger moved: beyond TAP_SLOP_PX it is no longer a tap. */
  move(point: TouchPoint): void;
  /** A finger lifted: the tap's point when this finished one, else null. */
  up(point: TouchPoint): { x: number; y: number } | null;
  /** The browser took the gesture over (pointercancel): no tap. */
  cancel(): void;
}

/** Creates a recognizer with nothing under way. */
export function createTapRecognizer(): TapRecognizer {
  let start: TouchPoint | null = null;
  /** Another finger came down during this touch: nothing until every finger lifted. */
  let spoiled = false;
  let fingers = 0;

  const drifted = (from: TouchPoint, to: TouchPoint) =>
    Math.hypot(to.x - from.x, to.y - from.y) > TAP_SLOP_PX;

  return {
    down(point) {
      fingers++;
      if (fingers > 1) {
        spoiled = true;
        start = null;
        return;
      }
      spoiled = false;
      start = point;
    },
    move(point) {
      if (start && start.id === point.id && drifted(start, point)) start = null;
    },
    up(point) {
      fingers = Math.max(0, fingers - 1);
      const began = start;
      if (began?.id !== point.id) return null;
      start = null;
      if (spoiled || drifted(began, point) || point.time - began.time > TAP_MAX_MS) return null;
      return { x: point.x, y: point.y };
    },
    cancel() {
      start = null;
      fingers = 0;
      spoiled = false;
    },
  };
}
