import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';

const KEY = '0123456789abcdef0123456789abcdef01234567';
/** A uWSGI config that names its agent config in the environment, under a name no rule of detection knows. */
const UWSGI = '[uwsgi]\nmodule = app.wsgi:application\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\nenv = NEW_RELIC_CONFIG_FILE=deploy/apm.ini\nwsgi-env-behavior = holy\n';
const APM = `[newrelic]\r\nlicense_key = ${KEY}\r\ntransaction_tracer.enable = true\r\nmonitor_mode = enabled\r\n\r\n[newrelic-staging]\r\nlog_level = debug\r\n`;

function project(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pydeploy-cli-newrelic-'));
  mkdirSync(join(folder, 'deploy'));
  writeFileSync(join(folder, 'deploy', 'uwsgi.ini'), UWSGI);
  writeFileSync(join(folder, 'deploy', 'apm.ini'), APM);
  writeFileSync(join(folder, 'newrelic.ini'), '[newrelic]\napp_name = shop\nssl = true\n');
  return folder;
}

function relative(folder: string, out: string[]): string[] {
  return out.join('\n').split('\n').map((line) => line.slice(folder.length + 1));
}

test('pydeploy check reads newrelic.ini by name and the file NEW_RELIC_CONFIG_FILE names', () => {
  const folder = project();
  try {
    const out: string[] = [];
    const err: string[] = [];
    assert.equal(main(['check', folder], (text) => out.push(text), (text) => err.push(text)), 1);
    assert.deepEqual(relative(folder, out), [
      'deploy/apm.ini:3:1: warning newrelic/unknown-option `transaction_tracer.enable` is not an option the New Relic agent reads, so it has no effect. Did you mean `transaction_tracer.enabled`?',
      'deploy/apm.ini:4:16: error newrelic/invalid-value `enabled` is not a boolean (true/false, on/off, yes/no, 1/0): the agent logs a configuration error and keeps the default.',
      'deploy/apm.ini:6:1: warning newrelic/unknown-section The New Relic agent reads no section named [newrelic-staging], so its options have no effect. Did you mean [newrelic:staging]?',
      // uwsgi.ini names NEW_RELIC_CONFIG_FILE, not the license key: nothing in the workspace sets the key.
      "newrelic.ini:1:1: warning newrelic/missing-license-key [newrelic] sets no `license_key` and no file here names `NEW_RELIC_LICENSE_KEY`: unless the app's environment sets it, the agent reports nothing.",
      'newrelic.ini:3:1: information newrelic/removed-option `ssl` was last read by New Relic agent 10.17.0: later releases ignore it.',
    ]);
    assert.deepEqual(err, ['pydeploy: 3 files checked: 1 error, 3 warnings, 1 information, 0 hints']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('pydeploy check --fix applies the preferred fixes to newrelic.ini and keeps its line endings', () => {
  const folder = project();
  try {
    const out: string[] = [];
    const err: string[] = [];
    main(['check', '--fix', folder], (text) => out.push(text), (text) => err.push(text));
    assert.equal(
      readFileSync(join(folder, 'deploy', 'apm.ini'), 'utf8'),
      `[newrelic]\r\nlicense_key = ${KEY}\r\ntransaction_tracer.enabled = true\r\nmonitor_mode = true\r\n\r\n[newrelic:staging]\r\nlog_level = debug\r\n`,
    );
    assert.equal(readFileSync(join(folder, 'deploy', 'uwsgi.ini'), 'utf8'), UWSGI);
    assert.deepEqual(err, [`fixed: ${join(folder, 'deploy', 'apm.ini')} (3 fixes)`, 'pydeploy: 3 files checked: 0 errors, 1 warning, 1 information, 0 hints']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
