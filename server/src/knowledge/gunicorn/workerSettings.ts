/**
 * Settings that some worker classes never read, from Gunicorn's own docs and workers (20.1 and later: the sync
 * worker closes every connection after its response and serves one at a time). Each was checked by running Debian's
 * Gunicorn 20.1 (test/differential/ineffectiveSettings.test.ts).
 */
export interface WorkerSpecificSetting {
  /** Worker short names that ignore the setting. */
  ignoredBy: readonly string[];
  /** Why, as what the worker does: "the `sync` worker ..." completed by this clause. */
  reason: string;
}

export const WORKER_SPECIFIC_SETTINGS: Readonly<Record<string, WorkerSpecificSetting>> = {
  worker_connections: {
    ignoredBy: ['sync'],
    reason: 'serves one connection at a time and never reads it (only gthread, gevent and eventlet do)',
  },
  keepalive: {
    ignoredBy: ['sync'],
    reason: 'closes each connection after its response (only gthread, gevent and eventlet keep them)',
  },
};
