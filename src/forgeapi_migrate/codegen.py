"""The bytes of a rewritten module, generating code only for what changed.

libcst turns a whole tree back into text (`Module.bytes`), and that costs about a third of
a parse: most of it spent on function and class bodies that no codemod touched. Our
codemods rewrite imports, and imports sit at the top, so a rewritten module usually keeps
its last statements as the very objects that were parsed (a libcst transformer returns a
node unchanged when it does not descend into it). Those statements' text is the end of the
original file, byte for byte, because libcst reproduces its input exactly. libcst has no
partial code generation, hence this module: it generates the changed head of the module and
reuses the unchanged tail of the file's bytes, and falls back to `Module.bytes` whenever
that reasoning does not hold.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence

import libcst as cst

# Encodings in which the bytes of a text are the bytes of its pieces put together
# (`utf-8-sig`, for one, writes its BOM at the start of every piece).
_CONCATENABLE = frozenset({"utf-8", "ascii", "iso8859-1"})


def module_bytes(original: cst.Module, data: bytes, new: cst.Module) -> bytes:
    """`new.bytes`, where `original` is `data` parsed and `new` what the codemods made of it."""
    if new is original:
        return data
    kept = _kept_tail(original, new)
    if not kept or not _same_frame(original, new):
        return new.bytes
    old_head = _code(original, original.body[: len(original.body) - kept])
    if not data.startswith(old_head):
        return new.bytes  # the head does not reproduce the file's start: do not guess
    return _code(new, new.body[: len(new.body) - kept]) + data[len(old_head) :]


def _kept_tail(original: cst.Module, new: cst.Module) -> int:
    """How many last statements of `new` are the very nodes that were parsed."""
    kept = 0
    for old, now in zip(reversed(original.body), reversed(new.body), strict=False):
        if old is not now:
            break
        kept += 1
    return kept


def _same_frame(original: cst.Module, new: cst.Module) -> bool:
    """Everything that shapes the text after the last statement, or all of it, is unchanged."""
    return (
        len(new.footer) == len(original.footer)
        and all(a is b for a, b in zip(new.footer, original.footer, strict=True))
        and new.encoding == original.encoding
        and codecs.lookup(new.encoding).name in _CONCATENABLE
        and new.default_newline == original.default_newline
        and new.default_indent == original.default_indent
        and new.has_trailing_newline == original.has_trailing_newline
    )


def _code(module: cst.Module, body: Sequence[cst.BaseStatement]) -> bytes:
    """The module's header and these first statements, as the module would write them."""
    text = "".join(module.code_for_node(node) for node in (*module.header, *body))
    return text.encode(module.encoding)
