"""Writes server/src/knowledge/newrelic/optionTable.ts: every option the New Relic Python agent reads from the
`[newrelic]` (and `[newrelic:ENV]`) section of newrelic.ini, found by reading the agent's source, never by running it.

    python3 scripts/generate-newrelic-options.py PATH/TO/newrelic-python-agent.git COMMIT

It walks the `_process_*setting(section, "name", "getter", mapper)` calls of `_process_configuration` and
`_load_configuration` in newrelic/config.py, the value sets of the mappers that look values up in a dict
(`_LOG_LEVEL`, `_RECORD_SQL`, ...), and the module-level `_settings.NAME = ...` lines of newrelic/core/config.py for
the default and the environment variable that sets the option when a literal is visible there. It also walks the
release tags (`vX.Y.Z`) for the options older releases read and this one no longer does, with the last release that
read each (found by a pattern over those older sources, some of which are Python 2).
"""

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

git_dir, commit = sys.argv[1], sys.argv[2]


def source(revision, path):
    result = subprocess.run(["git", "--git-dir", git_dir, "show", f"{revision}:{path}"], capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


config = ast.parse(source(commit, "newrelic/config.py"))
core = ast.parse(source(commit, "newrelic/core/config.py"))

READERS = {
    "_process_setting": "setting",
    "_process_deprecated_setting": "deprecated",
    "_process_dt_hidden_setting": "sampler-choice",
    "_process_dt_sampler_setting": "setting",
}


def constant(node):
    return node.value if isinstance(node, ast.Constant) else None


def function(tree, name):
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name)


def dict_keys(tree, name):
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return [constant(key) for key in node.value.keys]
    raise SystemExit(f"no dict {name}")


options = {}
for body in (function(config, "_load_configuration"), function(config, "_process_configuration")):
    for node in ast.walk(body):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in READERS):
            continue
        reader = READERS[node.func.id]
        args = node.args
        if reader == "deprecated":
            stored, current, getter = constant(args[1]), constant(args[2]), constant(args[3])
            mapper = args[4].id if isinstance(args[4], ast.Name) else None
            options.setdefault(current, {"name": current, "getter": getter, "mapper": mapper})
            options.setdefault(stored, {"name": stored, "getter": getter, "mapper": mapper, "replacedBy": current})
            continue
        name, getter = constant(args[1]), constant(args[2])
        mapper = args[3].id if len(args) > 3 and isinstance(args[3], ast.Name) else None
        if name is None:
            continue
        row = {"name": name, "getter": getter, "mapper": mapper}
        if reader == "sampler-choice":
            row["samplerChoice"] = True
        options.setdefault(name, row)


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return ".".join(reversed(parts)) if isinstance(node, ast.Name) and node.id == "_settings" else None


def literal(node):
    if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, (str, int, float, bool))):
        return node.value
    if isinstance(node, (ast.List, ast.Set, ast.Tuple)) and not node.elts:
        return []
    if isinstance(node, ast.Dict) and not node.keys:
        return {}
    raise ValueError


defaults = {}
for node in core.body:
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
        continue
    path = dotted(node.targets[0])
    if path is None:
        continue
    value = node.value
    entry = {}
    if isinstance(value, ast.Call):
        func = ast.unparse(value.func)
        name = constant(value.args[0]) if value.args else None
        if (func == "os.environ.get" or func.startswith("_environ_as_")) and isinstance(name, str) and name.startswith("NEW_RELIC_"):
            entry["environment"] = name
            if len(value.args) > 1:
                try:
                    entry["default"] = literal(value.args[1])
                except ValueError:
                    pass
    else:
        try:
            entry["default"] = literal(value)
        except ValueError:
            pass
    defaults[path] = entry

rows = []
for name in sorted(options):
    row = options[name]
    facts = defaults.get(name, {}) if "replacedBy" not in row else {}
    if "default" in facts:
        default = facts["default"]
        row["default"] = None if default is None else json.dumps(default) if isinstance(default, (list, dict)) else str(default).lower() if isinstance(default, bool) else str(default)
    if "environment" in facts:
        row["environment"] = facts["environment"]
    rows.append(row)

# Options of older releases: `_process_setting(section, 'name', ...)` and its variants, in every release tag.
OLD_CALL = re.compile(r"""_process_(?:\w+_)?setting\(\s*(?:section|['"]newrelic['"]|[^,]*environment[^,]*)\s*,\s*['"]([\w.-]+)['"](?:\s*,\s*['"]([\w.-]+)['"])?""")
tags = subprocess.run(["git", "--git-dir", git_dir, "tag"], capture_output=True, text=True).stdout.split()
releases = sorted((tag for tag in tags if re.fullmatch(r"v\d+\.\d+\.\d+(\.\d+)?", tag)), key=lambda tag: [int(part) for part in tag[1:].split(".")])
last_read = {}
for tag in releases:
    text = source(tag, "newrelic/config.py") or ""
    for match in OLD_CALL.finditer(text):
        for name in match.groups():
            if name and "." in name or name and name.isidentifier():
                last_read[name] = tag[1:]
removed = {name: version for name, version in sorted(last_read.items()) if name not in options and name not in {"get", "getint", "getfloat", "getboolean", "getratio"}}

choices = {
    "_map_log_level": dict_keys(config, "_LOG_LEVEL"),
    "_map_record_sql": dict_keys(config, "_RECORD_SQL"),
    "_map_compressed_content_encoding": dict_keys(config, "_COMPRESSED_CONTENT_ENCODING"),
}
# The other sections the agent reads: `[import-hook:...]`, `[function-trace:...]`, ... (`section.startswith("x:")`).
prefixes = sorted({
    constant(node.args[0])
    for node in ast.walk(config)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith"
    and isinstance(node.func.value, ast.Name) and node.func.value.id == "section" and node.args and isinstance(constant(node.args[0]), str)
})
mappers = sorted({row["mapper"] for row in rows if row["mapper"]})
getters = sorted({row["getter"] for row in rows})

out = [
    "// Generated by scripts/generate-newrelic-options.py from github.com/newrelic/newrelic-python-agent at commit",
    f"// {commit} (newrelic/config.py: the options `_process_configuration` and `_load_configuration` read;",
    "// newrelic/core/config.py: defaults and environment variables, where a literal is visible). Do not edit by hand:",
    "// python3 scripts/generate-newrelic-options.py PATH/TO/newrelic-python-agent COMMIT",
    "",
    f"export const NEWRELIC_SOURCE_COMMIT = '{commit}';",
    "",
    f"export type NewRelicGetter = {' | '.join(json.dumps(g).replace(chr(34), chr(39)) for g in getters)};",
    f"export type NewRelicMapper = {' | '.join(json.dumps(m).replace(chr(34), chr(39)) for m in mappers)};",
    "",
    "export interface NewRelicOptionRow {",
    "  name: string;",
    "  /** The ConfigParser method the agent reads the value with. */",
    "  getter: NewRelicGetter;",
    "  /** The function the agent passes the value through; one that raises makes the agent refuse the value. */",
    "  mapper: NewRelicMapper | null;",
    "  /** The default as the agent's settings hold it, when a literal is visible in the source; null: unset (None). */",
    "  default?: string | null;",
    "  /** The environment variable that sets the option when the file does not. */",
    "  environment?: string;",
    "  /** An old name the agent still reads; the value goes to this newer option. */",
    "  replacedBy?: string;",
    "  /** A sampler name: the agent ignores the value `trace_id_ratio_based` here (only the ratio option sets it). */",
    "  samplerChoice?: boolean;",
    "}",
    "",
    "export const NEWRELIC_OPTION_ROWS: readonly NewRelicOptionRow[] = [",
]
for row in rows:
    out.append(f"  {json.dumps(row, ensure_ascii=False)},")
out += [
    "];",
    "",
    "/** Options older releases read and this one ignores, with the last release (tag) that read each. */",
    f"export const NEWRELIC_REMOVED_OPTIONS: Readonly<Record<string, string>> = {json.dumps(removed, indent=2)};",
    "",
    "/** The prefixes of the other sections the agent reads (instrumentation it is told to add). */",
    f"export const NEWRELIC_SECTION_PREFIXES = {json.dumps(prefixes)} as const;",
    "",
    "/** The values the mappers that look a value up in a table accept (`_map_log_level` upper-cases it first). */",
    f"export const NEWRELIC_MAPPER_CHOICES = {json.dumps(choices)} as const;",
    "",
]
target = Path(__file__).resolve().parent.parent / "server/src/knowledge/newrelic/optionTable.ts"
target.write_text("\n".join(out))
print(f"{target}: {len(rows)} options, {len(removed)} removed ones from {len(releases)} release tags")
