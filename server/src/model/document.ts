import type { UwsgiConfig } from './uwsgiConfig';
import type { PackageVersion } from './projectVersion';

/** The kinds of file pydeploy reads; each rule names the one it applies to. */
export type FileKind = 'uwsgi-ini';

/** A file read into the model that its rules check, tagged by kind. */
export type AnalyzedDocument = {
  kind: 'uwsgi-ini';
  /** Absolute, `/`-separated. */
  path: string;
  text: string;
  uwsgi: UwsgiConfig;
  /** The uWSGI version the project pins (or the setting names), when it can be found. */
  uwsgiVersion?: PackageVersion;
};

export type DocumentOfKind<K extends FileKind> = Extract<AnalyzedDocument, { kind: K }>;
