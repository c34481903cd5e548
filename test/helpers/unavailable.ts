import assert from 'node:assert/strict';

/**
 * What a test does when a program or input it needs is missing here: under CI=true it fails with the reason (CI
 * runs every test); a local run skips, saying how to get what is missing. Returns the reason, for `t.skip`.
 */
export function unavailable(what: string, howToGet: string): string {
  const reason = `${what} — ${howToGet}`;
  if (process.env.CI === 'true') assert.fail(`${reason} (under CI=true no test skips)`);
  console.log(`skipped: ${reason}`);
  return reason;
}
