import type { Logger } from 'pino'

/**
 * What the core needs from a console package (builder): a build on demand and its files. The
 * core never imports it by name: it is discovered from `"mallkit": { "console": … }`.
 */
export interface ConsoleFacet {
  /** Builds the single-page app when missing or older than its sources. */
  ensureBuilt(log?: Pick<Logger, 'info'>): Promise<void>
  /**
   * The answer at `path` (under `/console/`): a built asset, or the app's HTML document for its
   * own routes; null when there is nothing there.
   */
  serve(path: string): Promise<Response | null>
}

/** Where the console is served, on the platform host. */
export const CONSOLE_PREFIX = '/console/'
