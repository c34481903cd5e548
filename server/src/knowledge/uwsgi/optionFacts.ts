/** Facts about one uWSGI option, as read from uWSGI's own option tables (see options.generated.ts). */
export interface UwsgiOptionFacts {
  name: string;
  /** How the command line takes it: no value, a required one, or an optional one. */
  argument: 'none' | 'required' | 'optional';
  shortcut?: string;
  plugin: string;
  /** How a config value is read: see valueKindDescriptions. */
  valueKind: 'flag' | 'int' | 'size' | 'string' | 'list' | 'other';
  /** uWSGI's C function that reads the value, e.g. uwsgi_opt_true or uwsgi_opt_false for flags. */
  setter: string;
  /** Options that load other config files, and the `if-*`/`for*` block keywords. */
  role?: 'config-include' | 'config-logic';
  repeatable: boolean;
  /** uWSGI's UWSGI_OPT_* bits without the prefix, e.g. THREADS or MASTER. */
  flags: readonly string[];
  /** The variable the setter writes: options that share one are aliases of each other. */
  target: string;
  deprecated: boolean;
  /** Present in the stable 2.0.x line the table was compared with. */
  inStable: boolean;
  inMaster: boolean;
  /** Part of the default build (core or an embedded plugin), so no `plugin =` line is needed. */
  builtIn: boolean;
  valueHint?: string;
  /** Where the stable line reads the option differently from master. */
  stableDiffers?: { argument?: UwsgiOptionFacts['argument']; valueKind?: UwsgiOptionFacts['valueKind']; setter?: string };
}

/** A row of the generated table: the facts of one option that differ from UWSGI_OPTION_DEFAULTS. */
export type UwsgiOptionRow = Pick<UwsgiOptionFacts, 'name' | 'valueKind' | 'setter' | 'target'> & Partial<UwsgiOptionFacts>;
