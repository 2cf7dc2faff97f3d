/** A running static file server. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  /** Every request path served, in order. */
  requests: string[];
  /** Absolute URL of a path on this server (default `/`). */
  url(pathname?: string): string;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Serves the files under `root` on 127.0.0.1 (port 0 = a free one). */
export declare function serveDirectory(root: string, options?: { port?: number }): Promise<StaticServer>;
