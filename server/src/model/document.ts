import { UwsgiConfig } from './uwsgiConfig';

/** The kinds of file pydeploy reads; each rule names the one it applies to. */
export type FileKind = 'uwsgi-ini';

/** A file read into the model that its rules check, tagged by kind. */
export type AnalyzedDocument = { kind: 'uwsgi-ini'; text: string; uwsgi: UwsgiConfig };

export type DocumentOfKind<K extends FileKind> = Extract<AnalyzedDocument, { kind: K }>;
