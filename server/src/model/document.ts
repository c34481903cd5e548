import type { UwsgiConfig } from './uwsgiConfig';
import type { GunicornConfig } from './gunicornConfig';
import type { PackageVersion } from './projectVersion';
import type { AgentConfig } from './agentConfig';
import type { NewRelicConfig } from './newrelicConfig';
import type { RequirementFileKind } from '../parse/requirements';
import type { WorkspaceView } from './workspace';
import type { Launch } from '../parse/launch/types';
import type { IniDocument } from '../parse/uwsgiIni';

/**
 * The kinds of file pydeploy reads; each rule names the ones it applies to. `requirements` files (requirements*.txt,
 * pyproject.toml, Pipfile, ...) are read only for the Tornado version they pin.
 */
export type FileKind = 'uwsgi-ini' | 'gunicorn-py' | 'agent-ini' | 'newrelic-ini' | 'requirements' | 'launch';

/** A file read into the model that its rules check, tagged by kind. `path` is absolute and `/`-separated. */
export type AnalyzedDocument =
  | {
      kind: 'uwsgi-ini';
      path: string;
      text: string;
      uwsgi: UwsgiConfig;
      /** The uWSGI version the project pins (or the setting names), when it can be found. */
      uwsgiVersion?: PackageVersion;
      /** The files around it, for the rules that look at the whole deployment (the app module, the agent's config). */
      workspace: WorkspaceView;
      /** The agents the `agents` setting names, replacing detection (model/agents.ts); undefined to detect them. */
      agentNames?: readonly string[];
    }
  | { kind: 'gunicorn-py'; path: string; text: string; gunicorn: GunicornConfig; workspace: WorkspaceView; agentNames?: readonly string[] }
  /** The agent's own config file (`tingyun.ini`). */
  | { kind: 'agent-ini'; path: string; text: string; agent: AgentConfig }
  /** New Relic's config file (`newrelic.ini`). */
  | { kind: 'newrelic-ini'; path: string; text: string; newrelic: NewRelicConfig; workspace: WorkspaceView }
  | { kind: 'requirements'; path: string; text: string; requirementKind: RequirementFileKind; workspace: WorkspaceView; agentNames?: readonly string[] }
  /**
   * A file that starts uWSGI or Gunicorn (a Dockerfile, a Compose file, a Procfile, ...). Its own rules judge the
   * command lines; the server rules run on the effective configuration of each launch (see features/analysis.ts).
   */
  | { kind: 'launch'; path: string; text: string; launches: readonly Launch[]; uwsgiVersion?: PackageVersion; workspace: WorkspaceView; agentNames?: readonly string[] }
  /**
   * A file of one of those kinds too large to be a real config (see MAX_ANALYZED_BYTES): it is not parsed, and only
   * pydeploy/file-too-large reports on it, so that a huge or generated file never stalls the editor or the CLI.
   */
  | { kind: 'too-large'; path: string; text: string; contentKind: FileKind; bytes: number; limit: number };

/** The kinds of analysed document: a file kind, or `too-large` for a file of one that is not read. */
export type DocumentKind = AnalyzedDocument['kind'];

export type DocumentOfKind<K extends DocumentKind> = Extract<AnalyzedDocument, { kind: K }>;

/** The ranged ini reading of a document read as an ini file (uWSGI's, Tingyun's, New Relic's), else undefined. */
export function iniDocumentOf(document: AnalyzedDocument): IniDocument | undefined {
  switch (document.kind) {
    case 'uwsgi-ini':
      return document.uwsgi.document;
    case 'agent-ini':
      return document.agent.document;
    case 'newrelic-ini':
      return document.newrelic.document;
    default:
      return undefined;
  }
}
