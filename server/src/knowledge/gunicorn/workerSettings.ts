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
    reason: 'serves one connection at a time and never reads it; only the gthread, gevent and eventlet workers are bounded by it',
  },
  keepalive: {
    ignoredBy: ['sync'],
    reason: 'closes every connection after its response, so no connection is kept alive; the gthread, gevent and eventlet workers keep them',
  },
};
