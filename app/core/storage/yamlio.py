"""YAML reading with line numbers for every field path, and tidy YAML writing."""

from __future__ import annotations

from typing import Any

import yaml


def lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """Build a date, or keep the text when it is not a real date (e.g. 2023-13-01) so it can be reported."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps ISO dates as dates and leaves impossible dates as text."""


class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The libyaml safe loader (when available) with the same lenient dates."""


for _loader in (_Loader, FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", lenient_timestamp)

# libyaml's safe loader with PyYAML's strict dates, for files that never hold impossible dates.
_FastSafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose_and_load(text: str, lenient_dates: bool = True) -> tuple[yaml.Node | None, Any]:
    """Parse YAML once (with libyaml when available) and return its node tree and its data.

    The result is what yaml.compose and yaml.load with PyYAML's own safe loader would give. When
    libyaml rejects the text it is parsed again with PyYAML, so the error raised (and its message
    and line) is always PyYAML's own.
    """
    fast, slow = (FastLoader, _Loader) if lenient_dates else (_FastSafeLoader, yaml.SafeLoader)
    try:
        return _parse_once(text, fast)
    except yaml.YAMLError:
        return _parse_once(text, slow)


def _parse_once(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """Compose the single document of text and construct its data from the same nodes."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


MAX_BYTES = 5 * 1024 * 1024  # case and clause files are a few KB; anything this big is a mistake or an attack
MAX_DEPTH = 64  # the deepest real case file nests five levels


class YamlInputError(yaml.YAMLError):
    """YAML we refuse before building it (too big, aliases, duplicate keys, too deep), with its line."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.problem = message
        self.problem_mark = yaml.Mark("<input>", 0, line - 1, 0, None, 0) if line else None
        self.context = None


def describe_error(exc: yaml.YAMLError, text: str = "") -> tuple[int | None, str]:
    """Return (1-based line, message) for any YAML error, naming where an unclosed construct began."""
    if isinstance(exc, yaml.reader.ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        line = text.count("\n", 0, exc.position) + 1 if text else None
        return line, f"contains a control character (U+{code:04X}) that YAML does not allow"
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    line = mark.line + 1 if mark else None
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and context_mark is not None and (line is None or context_mark.line + 1 != line):
        start = context_mark.line + 1
        at = f" on line {line}" if line else ""
        return start, f"{problem}{at} ({context} that begins on line {start})"
    return line, problem


def too_large(size: int) -> str | None:
    """Return a message when a file of size bytes is over the limit, else None."""
    if size <= MAX_BYTES:
        return None
    return f"is too large ({size / 1024 / 1024:.1f} MB); files over {MAX_BYTES // 1024 // 1024} MB are refused"


def load_with_lines(text: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML once (libyaml when available) and return the data plus a map from field path to line.

    Aliases, duplicate keys, deep nesting and oversized input are refused with YamlInputError before
    any value is built, so a small hostile file can never expand into a huge one.
    """
    size = len(text) if len(text) * 4 <= MAX_BYTES else len(text.encode("utf-8", "surrogatepass"))
    message = too_large(size)
    if message:
        raise YamlInputError(None, message)
    try:
        return _load(FastLoader, text)
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml's own limit; PyYAML would only recurse until it fails
            mark = getattr(exc, "problem_mark", None)
            raise YamlInputError(
                mark.line + 1 if mark else None, f"nesting is deeper than {MAX_DEPTH} levels"
            ) from None
        if FastLoader is _Loader or isinstance(exc, YamlInputError) or len(text) > _REPARSE_LIMIT:
            raise
        first = exc
    except RecursionError:
        raise YamlInputError(None, f"nesting is deeper than {MAX_DEPTH} levels") from None
    try:
        return _load(_Loader, text)  # raises the pure-Python parser's error, which says where things began
    except RecursionError:
        raise first from None


_REPARSE_LIMIT = 256 * 1024  # re-parse broken files up to this size for the clearer message


def _load(loader_class: type, text: str) -> tuple[Any, dict[str, int]]:
    """Compose once, check the node graph, then build the values."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines = _index(node)
        return loader.construct_document(node), lines
    finally:
        loader.dispose()


def _index(root: yaml.Node) -> dict[str, int]:
    """Map every field path to its line, refusing aliases, duplicate keys and deep nesting."""
    lines: dict[str, int] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str, int, int]] = [(root, "", 0, root.start_mark.line + 1)]
    while stack:
        node, path, depth, line = stack.pop()
        if id(node) in seen:
            raise YamlInputError(
                line, f"{path or 'the file'} repeats an anchored value (*alias); aliases are not allowed"
            )
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlInputError(line, f"nesting is deeper than {MAX_DEPTH} levels")
        lines.setdefault(path, line)
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            children = []
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else f"<{key_node.id}>"
                key_line = key_node.start_mark.line + 1
                child = f"{path}.{key}" if path else key
                if id(key_node) in seen:
                    raise YamlInputError(key_line, f"{child} uses an alias as a key; aliases are not allowed")
                if key in keys and isinstance(key_node, yaml.ScalarNode) and key != "<<":
                    raise YamlInputError(key_line, f"duplicate key '{child}' on lines {keys[key]} and {key_line}")
                keys[key] = key_line
                seen.add(id(key_node))
                lines[child] = key_line
                children.append((value_node, child, depth + 1, key_line))
            stack.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in reversed(list(enumerate(node.value))):
                stack.append((item, f"{path}[{index}]", depth + 1, max(line, item.start_mark.line + 1)))
    return lines


def line_for(lines: dict[str, int], path: str) -> int | None:
    """Return the line of path, or of its nearest recorded ancestor."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get("")


class _Dumper(yaml.SafeDumper):
    """A dumper that writes multi-line strings as literal blocks and never uses anchors."""

    def ignore_aliases(self, data: object) -> bool:
        """Write repeated values out in full: people read and diff these files."""
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Represent multi-line strings with | so requests and answers stay readable."""
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    """Return data as block-style UTF-8 YAML with keys in their given order."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
