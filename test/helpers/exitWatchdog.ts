/**
 * Loaded into every test process (`--import` in the test:node script). Node 20's --test-force-exit can end a test
 * file's process before its report is written out, losing results; without it, a handle a file leaves open after its
 * tests (a server process, a socket, a timer) keeps the whole run waiting forever. So each test file's process gets
 * a deadline after its last test instead: still alive then, it fails, naming what was left open.
 */
import { after } from 'node:test';

/** Long enough for any orderly shutdown (a language server's exit, a child's stdio closing). */
const GRACE_MS = 15_000;

// Only in the processes that run test files (not in the runner that starts them).
if (process.env.NODE_TEST_CONTEXT?.startsWith('child')) {
  after(() => {
    setTimeout(() => {
      console.error(`test process still alive ${GRACE_MS / 1000} s after its tests ended; left open: ${process.getActiveResourcesInfo().join(', ')}`);
      process.exit(1);
    }, GRACE_MS).unref();
  });
}
