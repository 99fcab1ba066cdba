"""YAML for graph files: parsed safely (no aliases, no tags), with the node tree kept to locate any value.

Nothing here raises anything but `DataError`, so a broken file is always one located line.
"""

from __future__ import annotations

import gc
from typing import Any

import yaml

from .problems import DataError, Problem

Loc = tuple[str | int, ...]
"""A path into a document, e.g. `("nodes", 3, "citations", 0)`."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about 10x faster), else the Python one."""


_BOOL = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _scalar_value(node: yaml.ScalarNode) -> object:
    """The value of a scalar, by the tag the composer resolved (YAML 1.1 core types)."""
    tag = node.tag.rsplit(":", 1)[-1]
    value = node.value
    if tag == "str":
        return value
    if tag == "bool":
        return _BOOL.get(value.lower(), value)
    if tag == "null":
        return None
    try:
        if tag == "int":
            digits = value.replace("_", "")
            return int(digits, 0) if digits[:2].lower() in ("0x", "0o", "0b") else int(digits)
        if tag == "float":
            return float(value.replace("_", ""))
    except ValueError:
        pass
    return value


def _construct(tree: yaml.Node) -> object:
    """Plain Python data from a node tree, refusing aliases on the way.

    Graphs need no anchors or aliases, and aliases allow 'billion laughs'. The composer shares one
    node object for every alias of an anchor, so an alias bomb is a small tree here: the walk stops
    at the first node seen twice, before anything is expanded. One iterative pass, no recursion
    limit, and several times faster than PyYAML's generic constructor.
    """
    seen: set[int] = set()

    def check(node: yaml.Node) -> None:
        if id(node) in seen:
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in graph files; repeat the value instead", node.start_mark
            )
        seen.add(id(node))

    def new(node: yaml.Node) -> object:
        check(node)
        if isinstance(node, yaml.MappingNode):
            return {}
        if isinstance(node, yaml.SequenceNode):
            return []
        return _scalar_value(node)

    root = new(tree)
    stack: list[tuple[yaml.Node, object]] = [(tree, root)]
    while stack:
        node, out = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = new(key_node)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    raise yaml.MarkedYAMLError(None, None, "a key must be a plain value", key_node.start_mark)
                if key == "<<":
                    raise yaml.MarkedYAMLError(None, None, "merge keys (<<) are not allowed", key_node.start_mark)
                value = new(value_node)
                out[key] = value  # type: ignore[index]
                stack.append((value_node, value))
        elif isinstance(node, yaml.SequenceNode):
            for item_node in node.value:
                item = new(item_node)
                out.append(item)  # type: ignore[union-attr]
                stack.append((item_node, item))
    return root


def parse_yaml(text: str, name: str) -> tuple[Any, yaml.Node]:
    """The document and its node tree (kept to find the line of any value)."""
    try:
        loader = _Loader(text)
        gc_was_on = gc.isenabled()
        gc.disable()  # the tree is acyclic; collections during a big parse made it superlinear
        try:
            tree = loader.get_single_node()
            data = _construct(tree) if tree is not None else None
        finally:
            loader.dispose()
            if gc_was_on:
                gc.enable()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
        raise DataError([Problem(name, "YAML", what, line)]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, "YAML", str(exc).splitlines()[0])]) from None
    return data, tree


def line_of(tree: yaml.Node | None, loc: Loc) -> int | None:
    """The 1-based line of the value at `loc`, or of the nearest parent that exists."""
    node, line = tree, (tree.start_mark.line + 1 if tree is not None else None)
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line
