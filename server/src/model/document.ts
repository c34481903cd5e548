import type { UwsgiConfig } from './uwsgiConfig';
import type { GunicornConfig } from './gunicornConfig';
import type { PackageVersion } from './projectVersion';

/** The kinds of file pydeploy reads; each rule names the one it applies to. */
export type FileKind = 'uwsgi-ini' | 'gunicorn-py';

/** A file read into the model that its rules check, tagged by kind. `path` is absolute and `/`-separated. */
export type AnalyzedDocument =
  | {
      kind: 'uwsgi-ini';
      path: string;
      text: string;
      uwsgi: UwsgiConfig;
      /** The uWSGI version the project pins (or the setting names), when it can be found. */
      uwsgiVersion?: PackageVersion;
    }
  | { kind: 'gunicorn-py'; path: string; text: string; gunicorn: GunicornConfig };

export type DocumentOfKind<K extends FileKind> = Extract<AnalyzedDocument, { kind: K }>;
