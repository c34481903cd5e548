import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClientDocument, LspClient, range, writeProject } from './lspClient';

/**
 * A file no name or section gives away (`apm.ini`) is read as the agent's config when a server config names it. The
 * server keeps which files are named as one index per workspace state: an edit of the server config must still
 * re-check the open file it names, or no longer names.
 */
describe('an agent config known only because a server config names it, over LSP', () => {
  let client: LspClient;
  let root = '';
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;

  before(async () => {
    root = writeProject('named-agent-config', {
      'deploy/uwsgi.ini': '[uwsgi]\nmodule = app\n',
      'deploy/apm.ini': '[DEFAULT]\nlicense_key = 0123-abcd\n',
      'lib/tox.ini': '[tox]\nenvlist = py311\n',
    });
    client = await LspClient.start({ documentChanges: false, workspaceFolder: root });
  });
  after(() => client?.dispose());

  it('an edit that names it, then one that no longer does, re-checks it each time', async () => {
    const agent = new ClientDocument(client, uriOf('deploy/apm.ini'), '[DEFAULT]\nlicense_key = 0123-abcd\n');
    assert.deepEqual((await agent.open()).diagnostics, [], 'nothing names apm.ini yet');
    const unrelated = new ClientDocument(client, uriOf('lib/tox.ini'), '[tox]\nenvlist = py311\n');
    assert.deepEqual((await unrelated.open()).diagnostics, []);
    const server = new ClientDocument(client, uriOf('deploy/uwsgi.ini'), '[uwsgi]\nmodule = app\n');
    await server.open();

    client.discardDiagnostics(agent.uri);
    await server.change([{ range: range(2, 0, 2, 0), text: 'env = TING_YUN_CONFIG_FILE=apm.ini\n' }]);
    assert.deepEqual((await client.nextDiagnostics(agent.uri)).diagnostics.map((d) => d.code), ['tingyun/missing-section'], 'uwsgi.ini now names apm.ini');

    client.discardDiagnostics(agent.uri);
    await server.change([{ range: range(2, 0, 3, 0), text: '' }]);
    assert.deepEqual((await client.nextDiagnostics(agent.uri)).diagnostics, [], 'and no longer does');
    for (const document of [agent, unrelated, server]) await document.close();
  });
});
