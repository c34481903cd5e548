import { Message, message } from '../../l10n/message';

/**
 * Settings that some worker classes never read, from Gunicorn's own docs and workers (20.1 and later: the sync
 * worker closes every connection after its response and serves one at a time). Each was checked by running Debian's
 * Gunicorn 20.1 (test/differential/ineffectiveSettings.test.ts).
 */
export interface WorkerSpecificSetting {
  /** Worker short names that ignore the setting. */
  ignoredBy: readonly string[];
  /** Why, as what the worker does: "the `sync` worker ..." completed by this clause. */
  reason: Message;
}

export const WORKER_SPECIFIC_SETTINGS: Readonly<Record<string, WorkerSpecificSetting>> = {
  worker_connections: {
    ignoredBy: ['sync'],
    reason: message('gunicorn.worker.one-connection'),
  },
  keepalive: {
    ignoredBy: ['sync'],
    reason: message('gunicorn.worker.no-keepalive'),
  },
};
