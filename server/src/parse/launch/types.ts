import type { Range } from '../../text/lineIndex';

/**
 * What a launch-file reader hands the model: each place in a file that starts uWSGI or Gunicorn, as the words the
 * program receives and the environment it runs in, every piece with the range of its source text in that file.
 * Readers (one per launch-file kind, registered in `./registry.ts`) never throw and never run anything.
 */

/** The kinds of file that launch a server. */
export type LaunchFileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'procfile' | 'systemd' | 'supervisord' | 'shell' | 'paas';

/** The two servers pydeploy models. */
export type ServerProgram = 'uwsgi' | 'gunicorn';

/** One word of a command line as the program receives it (quotes and escapes removed), with where it came from. */
export interface LaunchWord {
  value: string;
  /** The word's source text in the launch file, quotes included. */
  range: Range;
  /**
   * The word holds a shell expansion the file alone cannot resolve (`$PORT`, `${N:-4}`, `$(nproc)`, a glob): its
   * value keeps the expansion's text as written and is never judged or guessed.
   */
  opaque: boolean;
}

/** One variable of the launch's environment (Dockerfile `ENV`, Compose `environment:`, `env X=1`, `export X=1`, ...). */
export interface LaunchVariable {
  name: string;
  value: string;
  /** The whole assignment, and its value alone. */
  range: Range;
  valueRange: Range;
  /** As for LaunchWord: the value holds an expansion the file alone cannot resolve. */
  opaque: boolean;
  /** The file that sets it, when it is not the launch file itself (an `env_file:` or `EnvironmentFile=`). */
  path?: string;
}

/** A program that runs the server for it: `ddtrace-run`, `newrelic-admin run-program`, `tini --`, `poetry run`, ... */
export interface LaunchWrapper {
  /** The wrapper as it is usually named: `newrelic-admin run-program`, `ddtrace-run`, `python -m`. */
  name: string;
  /** Its words on the command line, options included. */
  words: LaunchWord[];
}

/**
 * How a quick fix adds an argument to this launch without touching any other byte: the reader knows its syntax
 * (an exec-form JSON array, a shell string, a YAML list in block or flow style, a systemd or supervisord line).
 * `argumentsText` returns the text to insert at `insertAt` for the given new arguments, in the launch's own style.
 */
export interface LaunchInsertion {
  insertAt: Range['start'];
  argumentsText(args: readonly string[]): string;
}

/** One launch of uWSGI or Gunicorn found in a launch file. */
export interface Launch {
  /** The launch file, absolute and `/`-separated. */
  path: string;
  fileKind: LaunchFileKind;
  /** What a person calls this launch: `CMD`, `ENTRYPOINT + CMD`, `service web`, `web`, `ExecStart`, `program:app`. */
  label: string;
  /** The range a finding about the launch as a whole lands on (the command, or the line holding it). */
  range: Range;
  server: ServerProgram;
  /** The word that names the server (`uwsgi`, `/venv/bin/gunicorn`, or the `gunicorn` after `python -m`). */
  program: LaunchWord;
  /** The words after it, in order. */
  args: LaunchWord[];
  /** The launch's environment, in the order it is set (a later one wins). */
  env: LaunchVariable[];
  /** The folder the server starts in, absolute, when the file says (`WORKDIR`, `WorkingDirectory=`, `directory=`). */
  cwd?: string;
  /** The programs the server runs under, outermost first. */
  wrappers: LaunchWrapper[];
  /** Where and how a fix adds arguments; absent when the file's syntax leaves no safe place. */
  insertion?: LaunchInsertion;
  /** Files the launch's environment is read from as well (`env_file:`, `EnvironmentFile=`). */
  envFiles?: LaunchEnvFile[];
  /** The image's Dockerfile, whose `ENV`/`WORKDIR` the launch runs with (a Compose service with `build:`). */
  image?: LaunchImage;
}

/** A file a launch reads variables from (`env_file:`, `EnvironmentFile=`); the model reads it when it is in the workspace. */
export interface LaunchEnvFile {
  /** Absolute, `/`-separated, resolved against the launch file's folder. */
  path: string;
  /** Where the launch file names it. */
  range: Range;
  /** A missing file stops the launch (`EnvironmentFile=` without `-`, Compose's default). */
  required: boolean;
  /** Its variables win over the launch's `env` (systemd); otherwise `env` wins over them (Compose). */
  overridesEnv: boolean;
}

/** The Dockerfile that builds the image a Compose service or Kubernetes container runs, when the file says which. */
export interface LaunchImage {
  /** Absolute, `/`-separated. */
  dockerfile: string;
  /** Where the file names it (the `build:` entry). */
  range: Range;
}

/**
 * A Compose service or Kubernetes container that names no server itself but runs an image (built from a Dockerfile
 * or not) with its own environment, or with arguments for the image's entrypoint (`args:` only, `command:` of a
 * service whose image has an `ENTRYPOINT`). The model combines it with the Dockerfile's launch.
 */
export interface ImageRun {
  path: string;
  fileKind: LaunchFileKind;
  label: string;
  range: Range;
  image?: LaunchImage;
  /** Compose `entrypoint:` / Kubernetes `command:`: replaces the image's ENTRYPOINT, and its CMD with it. */
  entrypoint?: LaunchWord[];
  /** Compose `command:` / Kubernetes `args:`: replaces the image's CMD. */
  command?: LaunchWord[];
  env: LaunchVariable[];
  envFiles: LaunchEnvFile[];
  cwd?: string;
  /** Where a fix adds arguments to `command` (absent when there is no command list in this file). */
  insertion?: LaunchInsertion;
}

/** Why part of a launch file was not read (a Helm template, YAML that does not parse): said once, never a crash. */
export interface LaunchNote {
  message: string;
  range: Range;
}

/** Everything a reader finds in one launch file. */
export interface LaunchFileReading {
  launches: Launch[];
  imageRuns: ImageRun[];
  notes: LaunchNote[];
}
