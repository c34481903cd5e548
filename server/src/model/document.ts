import { UwsgiConfig } from './uwsgiConfig';
import { GunicornConfig } from './gunicornConfig';

/** The kinds of file pydeploy reads; each rule names the one it applies to. */
export type FileKind = 'uwsgi-ini' | 'gunicorn-py';

/** A file read into the model that its rules check, tagged by kind. */
export type AnalyzedDocument =
  | { kind: 'uwsgi-ini'; text: string; uwsgi: UwsgiConfig }
  | { kind: 'gunicorn-py'; text: string; gunicorn: GunicornConfig };

export type DocumentOfKind<K extends FileKind> = Extract<AnalyzedDocument, { kind: K }>;
