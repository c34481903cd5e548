/** Facts about one Gunicorn setting, as read from Gunicorn's `config.py` (see settings.generated.ts). */
export interface GunicornSettingFacts {
  /** The name a config file assigns, e.g. `worker_class`. */
  name: string;
  /** The heading Gunicorn's documentation files it under, e.g. `Worker Processes`. */
  section: string;
  /** Command-line flags; empty for settings only a config file can set. */
  cli: readonly string[];
  /** Gunicorn's validator function, e.g. `validate_pos_int` or `validate_callable(2)`. */
  validator: string;
  /** A short type label: `int`, `bool`, `string`, `list[string]`, `callable`, ... */
  typeKind: string;
  /** The default as Gunicorn's source spells it (a Python expression, or a note for computed defaults). */
  default: string;
  /** How the command line takes it (`store_true`, `append`, ...) when not a plain value. */
  action?: string;
  /** A server hook: a function Gunicorn calls at a point of the server's life. */
  hook?: boolean;
  /** The numbers of positional parameters a hook may have. */
  arity?: readonly number[];
  configFileOnly?: boolean;
  deprecated?: boolean;
  /** Present in the older release the table was compared with (23.0.0). */
  in23: boolean;
  /** The release that added it, when the source says. */
  added?: string;
  /** The values the validator accepts, for settings that take one of a few words. */
  choices?: readonly string[];
  /** Where the older release validates differently. */
  differsIn23?: { validator?: string; default?: string };
}
