import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { allowedVersions, findRequirementPins } from '../../server/src/parse/requirements';
import { projectPackageVersion } from '../../server/src/model/projectVersion';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

function codes(files: Record<string, string>, path = '/project/deploy/uwsgi.ini', settings = {}) {
  const analysis = analyze(path, files[path], settings, memoryWorkspace(files));
  assert.ok(analysis);
  return diagnosticsOf(analysis).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
}

describe('includes', () => {
  test('a base file with the agent flags satisfies the file that includes it', () => {
    const files = {
      '/project/deploy/base.ini': '[uwsgi]\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n',
      '/project/deploy/uwsgi.ini': '[uwsgi]\nini = base.ini\nmodule = app\n',
    };
    assert.deepEqual(codes(files), []);
  });

  test('follows %d, a :section, inherit, and ini = :section of the same file', () => {
    const files = {
      '/project/deploy/common.ini': '[agent]\nenable-threads = true\n',
      '/project/deploy/uwsgi.ini': '[uwsgi]\nini = %d/common.ini:agent\ninherit = :more\nmodule = app\n[more]\nsingle-interpreter = true\nlazy-apps = true\n',
    };
    assert.deepEqual(codes(files), []);
  });

  test('looks from the workspace folder when the including folder has no such file', () => {
    const files = {
      '/project/uwsgi-base.ini': '[uwsgi]\nthreads = 4\nsingle-interpreter = true\nlazy-apps = true\n',
      '/project/deploy/uwsgi.ini': '[uwsgi]\nini = uwsgi-base.ini\n',
    };
    assert.deepEqual(codes(files), []);
  });

  test('an include that cannot be found is information, and the agent rules do not guess', () => {
    const files = { '/project/deploy/uwsgi.ini': '[uwsgi]\nini = base.ini\nmodule = app\n' };
    assert.deepEqual(codes(files), [
      '1:6 uwsgi/include-not-found pydeploy cannot find `/project/deploy/base.ini`: checks that need the options it sets are skipped.',
    ]);
  });

  test('a missing section and a cycle are said, and the cycle is not followed forever', () => {
    const files = {
      '/project/deploy/a.ini': '[uwsgi]\nini = uwsgi.ini\nthreads = 2\n',
      '/project/deploy/uwsgi.ini': '[uwsgi]\nini = a.ini\nini = a.ini:nothing\nsingle-interpreter = true\nlazy-apps = true\n',
    };
    assert.deepEqual(codes(files), ['2:6 uwsgi/include-not-found `/project/deploy/a.ini` has no [nothing] section: uWSGI reads nothing from it.']);
    const self = { '/project/deploy/uwsgi.ini': '[uwsgi]\nini = :uwsgi\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n' };
    assert.deepEqual(codes(self), ['1:6 uwsgi/include-not-found `:uwsgi` includes a file that is already being read: the include goes round in a circle.']);
  });

  test('placeholders used in an included file are not unknown options here', () => {
    const files = {
      '/project/deploy/base.ini': '[uwsgi]\nchdir = %(project_dir)\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n',
      '/project/deploy/uwsgi.ini': '[uwsgi]\nproject_dir = /srv/app\nini = base.ini\n',
    };
    assert.deepEqual(codes(files), []);
  });
});

describe('the pinned uWSGI version', () => {
  const config = '[uwsgi]\nmodule = app\nsingle-interpreter = true\nlazy-apps = true\n';

  test('2.0.27 or later: threads are always on, so enable-threads is not needed', () => {
    for (const [file, text] of [
      ['requirements.txt', 'Django==4.2\nuWSGI==2.0.28  # pinned\n'],
      ['requirements-prod.txt', 'uwsgi>=2.0.27,<2.1\n'],
      ['pyproject.toml', '[project]\ndependencies = [\n  "django>=4",\n  "uwsgi~=2.0.28",\n]\n'],
      ['pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.11"\nuwsgi = "^2.0.27"\n'],
      ['Pipfile', '[packages]\nuwsgi = "==2.0.30"\n'],
      ['poetry.lock', '[[package]]\nname = "uwsgi"\nversion = "2.0.28"\ndescription = "x"\n'],
      ['setup.cfg', '[options]\ninstall_requires =\n    uWSGI >= 2.0.27\n'],
    ]) {
      assert.deepEqual(codes({ '/project/deploy/uwsgi.ini': config, [`/project/${file}`]: text }), [], file);
    }
  });

  test('an older pin is named in the message, and the nearest folder wins', () => {
    const files = {
      '/project/deploy/uwsgi.ini': config,
      '/project/deploy/requirements.txt': 'uwsgi==2.0.21\n',
      '/project/requirements.txt': 'uwsgi==2.0.28\n',
    };
    assert.deepEqual(codes(files), [
      "0:0 uwsgi/enable-threads Python threads are off (no `enable-threads` or `threads`) on uWSGI 2.0.21 (requirements.txt): the APM agent's reporting thread never runs.",
    ]);
  });

  test('a range that allows old versions says so; the setting wins over the files', () => {
    const files = { '/project/deploy/uwsgi.ini': config, '/project/requirements.txt': 'uwsgi>=2.0.18\n' };
    assert.match(codes(files)[0], /on uWSGI before 2\.0\.27, which uWSGI >=2\.0\.18 \(requirements\.txt\) allows: /);
    assert.deepEqual(codes(files, '/project/deploy/uwsgi.ini', { uwsgiVersion: '2.0.30' }), []);
    assert.match(codes(files, '/project/deploy/uwsgi.ini', { uwsgiVersion: '2.0.20' })[0], /on uWSGI 2\.0\.20 \(the pydeploy\.uwsgiVersion setting\): /);
  });

  test('a requirement with no version says so, without an empty version', () => {
    // Seen on a real project: "which uWSGI  (requirements.txt) allows".
    const files = { '/project/deploy/uwsgi.ini': config, '/project/requirements.txt': 'flask\nuwsgi\n' };
    assert.match(codes(files)[0], /off \(no `enable-threads` or `threads`\) on uWSGI before 2\.0\.27, which uWSGI \(requirements\.txt, with no version pinned\) allows: /);
  });

  test('Pipfile.lock pins are read', () => {
    const lock = '{\n  "default": {\n    "uwsgi": {\n      "hashes": [],\n      "version": "==2.0.29"\n    }\n  }\n}\n';
    const pinned = projectPackageVersion(memoryWorkspace({ '/project/Pipfile.lock': lock }), '/project/uwsgi.ini', 'uwsgi');
    assert.deepEqual(pinned?.min, [2, 0, 29]);
    assert.deepEqual(pinned?.source, { kind: 'file', path: '/project/Pipfile.lock', range: { start: { line: 4, character: 6 }, end: { line: 4, character: 27 } } });
  });
});

describe('requirement pins', () => {
  test('keep the range of the pin, ignore comments, options and other packages', () => {
    const text = '# uwsgi==1.0 in a comment\n-r base.txt\nuwsgi-tools==3\nuWSGI[ssl] == 2.0.21 ; python_version > "3"\n';
    assert.deepEqual(findRequirementPins('requirements', text, 'uwsgi'), [
      { specifier: '==2.0.21', flavor: 'pep440', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 21 } } },
    ]);
  });

  test('read the bounds of PEP 440 and Poetry specifiers', () => {
    const cases: Array<[string, 'pep440' | 'poetry', string]> = [
      ['==2.0.21', 'pep440', '2.0.21..2.0.22'],
      ['>=2.0.18,<2.0.27', 'pep440', '2.0.18..2.0.27'],
      ['~=2.0.20', 'pep440', '2.0.20..2.1.0'],
      ['==2.0.*', 'pep440', '2.0.0..2.1.0'],
      ['<=2.0.26', 'pep440', '..2.0.27'],
      ['^2.0.21', 'poetry', '2.0.21..3.0.0'],
      ['~2.0.21', 'poetry', '2.0.21..2.1.0'],
      ['2.0.21', 'poetry', '2.0.21..2.0.22'],
      ['*', 'poetry', '..'],
    ];
    for (const [specifier, flavor, expected] of cases) {
      const { min, below } = allowedVersions({ specifier, flavor });
      assert.equal(`${min?.join('.') ?? ''}..${below?.join('.') ?? ''}`, expected, specifier);
    }
  });
});

describe('a byte order mark', () => {
  test('hides the first [uwsgi] header from uWSGI, which is an error, and its options do not count', () => {
    const files = { '/project/uwsgi.ini': '[uwsgi]\nthreads = 2\nsingle-interpreter = true\nlazy-apps = true\n' };
    const workspace = { ...memoryWorkspace(files), hasByteOrderMark: (path: string) => path === '/project/uwsgi.ini' };
    const analysis = analyze('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, workspace);
    assert.ok(analysis);
    assert.deepEqual(diagnosticsOf(analysis).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`), [
      '0:0-7 uwsgi/enable-threads',
      '0:0-7 uwsgi/single-interpreter',
      '0:0-7 uwsgi/lazy-apps',
      '0:0-7 uwsgi/byte-order-mark',
    ]);
  });
});
