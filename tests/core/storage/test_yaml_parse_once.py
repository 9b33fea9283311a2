"""YAML is parsed once, by libyaml, with the same data, lines and error messages as PyYAML's own loader."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from app.core.casefile.model import parse_case
from app.core.problems import InputError
from app.core.storage import yamlio

DOCUMENTS = [
    "a: 1\nb: [x, 'y', 2026-01-31]\nc:\n  - d: |\n      two\n      lines\n",
    "when: 2026-02-30\nnested: {k: [1, 2.5, null, true, off]}\n",
    "",
    "# only a comment\n",
    "- 1\n- - 2\n  - 3\n",
    'text: "caf\\u00e9 \\t tab"\nanchor: &a [1]\nalias: *a\n',
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_data_and_lines_are_those_of_the_pure_python_loader(text: str) -> None:
    expected_node = yaml.compose(text, Loader=yamlio._Loader)
    expected = yaml.load(text, Loader=yamlio._Loader)
    node, data = yamlio.compose_and_load(text)
    assert data == expected
    assert (node is None) == (expected_node is None)
    if node is not None:
        assert _shape(node) == _shape(expected_node)


def _shape(node: yaml.Node) -> object:
    """Return a node tree as (tag, line, column, children) tuples."""
    if isinstance(node, yaml.MappingNode):
        value: object = [(_shape(k), _shape(v)) for k, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        value = [_shape(item) for item in node.value]
    else:
        value = node.value
    return node.tag, node.start_mark.line, node.start_mark.column, value


def test_strict_dates_raise_as_safe_load_does() -> None:
    with pytest.raises(ValueError):
        yaml.safe_load("when: 2026-02-30\n")
    with pytest.raises(ValueError):
        yamlio.compose_and_load("when: 2026-02-30\n", lenient_dates=False)
    assert yamlio.compose_and_load("when: 2026-02-28\n", lenient_dates=False)[1] == {"when": dt.date(2026, 2, 28)}


@pytest.mark.parametrize("text", ["a: [1, 2\nb: 3\n", "a: b: c\n", "x: 1\n---\ny: 2\n", "\tkey: value\n"])
def test_a_yaml_error_is_pyyamls_own(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.load(text, Loader=yamlio._Loader)
    with pytest.raises(yaml.YAMLError) as got:
        yamlio.compose_and_load(text)
    assert str(got.value) == str(expected.value)


def test_a_broken_case_file_names_the_line_where_the_unclosed_list_begins() -> None:
    with pytest.raises(InputError) as caught:
        parse_case("regime: foia\nparts: [unclosed\nletter: response\n", "case.yaml")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == ("case.yaml", 2)
    assert problem.message.startswith("not valid YAML: ")
    assert "on line 3" in problem.message  # where the parser noticed


def _shipped_yaml() -> list:
    """Every YAML file the app ships (registries, law tables, skeletons, examples, contacts, calendar)."""
    from app.core.paths import RESOURCES_DIR, TEMPLATES_DIR

    return sorted([*RESOURCES_DIR.rglob("*.yaml"), *TEMPLATES_DIR.rglob("*.yaml")])


@pytest.mark.parametrize("path", _shipped_yaml(), ids=lambda p: p.name)
def test_every_shipped_yaml_file_reads_as_safe_load_reads_it(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yamlio.compose_and_load(text, lenient_dates=False)[1] == yaml.safe_load(text)
