import net from 'node:net';
import { waitUntil } from './wait';

/**
 * A minimal client for Firefox's Remote Debugging Protocol (the one Firefox's DevTools speak).
 * WebDriver BiDi cannot reach an extension's background page or its content-script sandboxes;
 * RDP can: an add-on's watcher lists its background page, a tab's watcher lists the content
 * scripts running in it, and each of those targets has a console that evaluates code.
 * Protocol: https://firefox-source-docs.mozilla.org/devtools/backend/protocol.html
 */

/** One RDP packet: `from` names the actor that sent it; events also carry a `type`. */
export interface RdpPacket {
  /** Actor that sent the packet. */
  from: string;
  /** Event name (responses to requests have none). */
  type?: string;
  /** Error name when a request failed. */
  error?: string;
  /** Error text when a request failed. */
  message?: string;
  [key: string]: unknown;
}

/** A target (background page, content script, frame) as the watcher describes it. */
export interface RdpTargetForm {
  /** The target's actor id. */
  actor: string;
  /** 'frame', 'content_script', 'worker', … */
  targetType: string;
  /** Actor that evaluates code in the target. */
  consoleActor: string;
  /** Document URL (frames only). */
  url?: string;
  /** Add-on that owns the target (content scripts and extension documents). */
  addonId?: string;
  /** Window the target belongs to; a content script shares it with the frame it runs in. */
  innerWindowId?: number;
  /** True for the top-level document of a tab. */
  isTopLevelTarget?: boolean;
}

/** What a console evaluation returns before decoding. */
interface EvaluationResult extends RdpPacket {
  resultID: string;
  result?: unknown;
  exceptionMessage?: string;
  topLevelAwaitRejected?: boolean;
}

/** Time allowed for one request before giving up (RDP has no timeouts of its own). */
const REQUEST_TIMEOUT_MS = 20_000;

/** A connection to Firefox's debugger server. */
export class RdpClient {
  private buffer = Buffer.alloc(0);
  /** Requests waiting for their answer, per actor: RDP answers each actor's requests in order. */
  private readonly pending = new Map<
    string,
    Array<{ resolve: (p: RdpPacket) => void; reject: (e: Error) => void }>
  >();
  private readonly listeners = new Set<(packet: RdpPacket) => void>();

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    socket.on('close', () => this.failAll(new Error('Firefox debugger connection closed')));
  }

  /** Connects to the debugger server on 127.0.0.1:`port`, retrying while Firefox starts it. */
  static async connect(port: number, timeoutMs = 15_000): Promise<RdpClient> {
    return waitUntil(
      () =>
        new Promise<RdpClient | null>((resolve) => {
          const socket = net.createConnection({ host: '127.0.0.1', port });
          const client = new RdpClient(socket);
          // The server speaks first: a greeting from the root actor.
          client.pending.set('root', [{ resolve: () => resolve(client), reject: () => resolve(null) }]);
          socket.once('error', () => resolve(null));
        }),
      { timeoutMs, what: `Firefox debugger server on port ${port}` },
    );
  }

  /** Sends a request to `actor` and resolves with its answer (rejects on an RDP error packet). */
  request<T extends RdpPacket = RdpPacket>(actor: string, type: string, params: object = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`RDP ${type} to ${actor}: no answer in ${REQUEST_TIMEOUT_MS} ms`)),
        REQUEST_TIMEOUT_MS,
      );
      const queue = this.pending.get(actor) ?? [];
      queue.push({
        resolve: (packet) => {
          clearTimeout(timer);
          resolve(packet as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.pending.set(actor, queue);
      this.write({ to: actor, type, ...params });
    });
  }

  /** Sends a one-way request (one the protocol never answers, e.g. `unwatchTargets`). */
  notify(actor: string, type: string, params: object = {}): void {
    this.write({ to: actor, type, ...params });
  }

  /** Calls `listener` for every event packet; returns the function that stops it. */
  onEvent(listener: (packet: RdpPacket) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Evaluates `expression` in a target's console and resolves with the resulting string.
   * The expression must produce a string or a promise of one (promises are awaited).
   */
  async evaluate(consoleActor: string, expression: string): Promise<string> {
    let resultId: string | undefined;
    const early: EvaluationResult[] = [];
    let settle: ((packet: EvaluationResult) => void) | undefined;
    const stop = this.onEvent((packet) => {
      if (packet.type !== 'evaluationResult' || packet.from !== consoleActor) return;
      const result = packet as EvaluationResult;
      if (resultId === undefined) early.push(result);
      else if (result.resultID === resultId) settle?.(result);
    });
    try {
      const answer = await new Promise<EvaluationResult>((resolve, reject) => {
        settle = resolve;
        // `mapped.await` makes the console await a returned promise, as top-level await does in DevTools.
        this.request<EvaluationResult>(consoleActor, 'evaluateJSAsync', {
          text: expression,
          mapped: { await: true },
        })
          .then(({ resultID }) => {
            resultId = resultID;
            const done = early.find((p) => p.resultID === resultID);
            if (done) resolve(done);
          })
          .catch(reject);
      });
      if (answer.exceptionMessage) throw new Error(answer.exceptionMessage);
      if (answer.topLevelAwaitRejected) throw new Error('The evaluated promise was rejected');
      return await this.readString(answer.result);
    } finally {
      stop();
    }
  }

  /** Closes the connection. */
  close(): void {
    this.socket.destroy();
  }

  /** Decodes a string grip: short strings arrive inline, long ones through a longString actor. */
  private async readString(grip: unknown): Promise<string> {
    if (typeof grip === 'string') return grip;
    const long = grip as { type?: string; actor?: string; length?: number };
    if (long?.type === 'longString' && long.actor && long.length !== undefined) {
      const { substring } = await this.request<RdpPacket & { substring: string }>(long.actor, 'substring', {
        start: 0,
        end: long.length,
      });
      return substring;
    }
    throw new Error(`Expected a string from the evaluation, got ${JSON.stringify(grip)}`);
  }

  private write(packet: object): void {
    const text = JSON.stringify(packet);
    this.socket.write(`${Buffer.byteLength(text)}:${text}`);
  }

  /** Splits the byte stream into `LENGTH:JSON` packets and routes each one. */
  private drain(): void {
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as RdpPacket;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.route(packet);
    }
  }

  private route(packet: RdpPacket): void {
    const isAnswer = packet.type === undefined || packet.error !== undefined;
    const waiting = isAnswer ? this.pending.get(packet.from)?.shift() : undefined;
    if (waiting) {
      if (packet.error)
        waiting.reject(new Error(`RDP ${packet.error}: ${packet.message ?? ''} (${packet.from})`));
      else waiting.resolve(packet);
      return;
    }
    for (const listener of this.listeners) listener(packet);
  }

  private failAll(error: Error): void {
    for (const queue of this.pending.values()) for (const waiting of queue.splice(0)) waiting.reject(error);
  }
}

/**
 * The live targets of one watcher (an add-on's or a tab's), kept current from the watcher's
 * `target-available-form` and `target-destroyed-form` events.
 */
export class WatchedTargets {
  private readonly targets = new Map<string, RdpTargetForm>();

  private constructor(
    readonly client: RdpClient,
    readonly watcherActor: string,
  ) {}

  /** Asks the descriptor (add-on or tab) for its watcher and starts watching `targetTypes`. */
  static async open(
    client: RdpClient,
    descriptorActor: string,
    targetTypes: string[],
  ): Promise<WatchedTargets> {
    const { actor } = await client.request<RdpPacket & { actor: string }>(descriptorActor, 'getWatcher', {
      isServerTargetSwitchingEnabled: true,
    });
    const watched = new WatchedTargets(client, actor);
    client.onEvent((packet) => {
      if (packet.from !== actor) return;
      const form = packet.target as RdpTargetForm | undefined;
      if (packet.type === 'target-available-form' && form) watched.targets.set(form.actor, form);
      if (packet.type === 'target-destroyed-form' && form) watched.targets.delete(form.actor);
    });
    for (const targetType of targetTypes) await client.request(actor, 'watchTargets', { targetType });
    return watched;
  }

  /** The live targets, in the order they appeared. */
  list(): RdpTargetForm[] {
    return [...this.targets.values()];
  }
}
