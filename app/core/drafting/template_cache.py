"""Compiled clause templates and conditions kept on disk (like Jinja2's bytecode cache), so a process skips Jinja's compiler.

Each template's Python code is stored in the cache folder with its source text and what it
was compiled by (Python, Jinja2 and our environment's module); a file that does not match in
every respect, or fails its checksum, is ignored and rewritten. Writes are atomic renames of
private temporary files, so processes compiling the same template at once are harmless.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.environment import TemplateExpression
from jinja2.parser import Parser

from app.core.drafting import templating
from app.core.storage.disk_cache import cache_dir, code_stamp, read_checked, write_checked

_MAGIC = b"FOI-DRAFTER TEMPLATE 1\n"
_EXPRESSION = ".expression"  # file-name mark of a compiled condition, so it never shares a template's file


def compile_template(source: str) -> jinja2.Template:
    """Return the template for source, as environment().from_string(source) would (same errors too)."""
    env = templating.environment()
    path = _path_for(source)
    code = _read(path, source)
    if code is None:
        code = env.compile(templating.keep_paragraph_breaks(source))
        _write(path, source, code)
    return env.template_class.from_code(env, code, env.make_globals(None))


def compile_expression(source: str) -> TemplateExpression:
    """Return what environment().compile_expression(source, undefined_to_none=False) would (same errors too).

    Only conditions that parsed are cached, so a syntax error is always Jinja's own, raised as it raises it.
    """
    env = templating.environment()
    path = _path_for(source, _EXPRESSION)
    code = _read(path, source)
    if code is None:
        code = env.compile(_expression_tree(env, source))
        _write(path, source, code)
    template = env.template_class.from_code(env, code, env.make_globals(None))
    return TemplateExpression(template, undefined_to_none=False)


def _expression_tree(env: jinja2.Environment, source: str) -> nodes.Template:
    """Parse a condition into the template tree Environment.compile_expression builds (``result = <source>``)."""
    parser = Parser(env, source, state="variable")
    try:
        expr = parser.parse_expression()
        if not parser.stream.eos:
            raise jinja2.TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
        expr.set_environment(env)
    except jinja2.TemplateSyntaxError:
        env.handle_exception(source=source)
    return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)], lineno=1)


@cache
def _signature() -> tuple[Any, ...]:
    """Return what compiled code depends on besides its source."""
    return sys.version, jinja2.__version__, *code_stamp(Path(templating.__file__))


def _path_for(source: str, kind: str = "") -> Path:
    """Return the cache file for a source text (different texts may share one; the text is checked).

    Each installation (signature) has its own folder, so two copies of the app never overwrite
    each other's files.
    """
    folder = f"templates-{zlib.crc32(repr(_signature()).encode()):08x}"
    return cache_dir() / folder / f"{zlib.crc32(source.encode()):08x}-{len(source)}{kind}.bin"


def _read(path: Path, source: str) -> CodeType | None:
    """Return the cached code for source, or None when the file is absent, damaged or for something else."""
    payload = read_checked(path, _MAGIC)
    if payload is None:
        return None
    try:
        signature, stored_source, code = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if signature != _signature() or stored_source != source or not isinstance(code, CodeType):
        return None
    return code


def _write(path: Path, source: str, code: CodeType) -> None:
    """Store compiled code with its source and signature."""
    write_checked(path, _MAGIC, marshal.dumps((_signature(), source, code)))
