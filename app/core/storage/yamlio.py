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


def load_with_lines(text: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML and return the data plus a map from field path to 1-based line."""
    node, data = compose_and_load(text)
    if node is None:
        return None, {}
    lines: dict[str, int] = {}
    _index(node, "", lines)
    return data, lines


def _index(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    """Record the line of node and its children under their field paths."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            lines[child] = key_node.start_mark.line + 1
            _index(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, f"{path}[{index}]", lines)


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
