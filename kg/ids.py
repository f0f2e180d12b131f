"""Deterministic ids: the one implementation of the rules in ``docs/conventions.md``.

>>> slug("M$^3$ViT: Mixture-of-Experts")
'm3vit-mixture-of-experts'
>>> slug("Llama 2.0 7B")
'llama-2.0-7b'
>>> slug("SageAttention2++"), slug("W4A16 + pruning")
('sageattention2-plus-plus', 'w4a16-pruning')
>>> node_id("method", "GaLore")
'method/galore'
>>> paper_id("GaLore: Memory-Efficient LLM Training") == paper_id("galore memory efficient  LLM training")
True
>>> paper_id("x", arxiv_id="2403.03507v2")
'paper/2403.03507'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_LATEX_CMD = re.compile(r"\\[a-zA-Z]+\*?")
_LATEX_CHARS = re.compile(r"[${}^_]")
# A "+" right after a name is part of it ("Segformer++", "HumanEval+"): keep it as "-plus".
_POSTFIX_PLUS = re.compile(r"(?<=[A-Za-z0-9+])\+")
_NON_SLUG = re.compile(r"[^a-z0-9.]+")
# A dot survives only between two digits ("2.0", "1.58"); elsewhere it separates words.
_LONE_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_ARXIV = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?$|^(?:arxiv:)?([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.I)


def strip_latex(text: str) -> str:
    """Remove inline LaTeX markup, keeping its visible content.

    >>> strip_latex("M$^3$ViT and E$^{2}$-LLM with \\\\textbf{bold}")
    'M3ViT and E2-LLM with bold'
    """
    text = _LATEX_CMD.sub("", text) if "\\" in text else text
    return _LATEX_CHARS.sub("", text)


# (a pure function of its argument, called for the same few thousand names over and over by the
# mapper and the extractors: cached)
@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """Lowercase, ASCII, hyphen-separated form of ``text`` used inside ids."""
    text = strip_latex(text)
    if text.isascii():  # (NFKD and the ASCII filter leave ASCII text as it is)
        text = _POSTFIX_PLUS.sub("-plus", text).lower()
    else:
        text = _POSTFIX_PLUS.sub("-plus", unicodedata.normalize("NFKD", text))
        text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = _LONE_DOT.sub("-", text)
    return _NON_SLUG.sub("-", text).strip("-")


def node_id(prefix: str, name: str) -> str:
    """``prefix/slug(name)``; raises ``ValueError`` when the name has no usable characters."""
    s = slug(name)
    if not s:
        raise ValueError(f"cannot make an id from {name!r}")
    return f"{prefix}/{s}"


def normalise_title(title: str) -> str:
    """The title form used for identity: case, punctuation, LaTeX and spacing do not matter."""
    return " ".join(slug(title).split("-"))


def normalise_arxiv_id(value: str) -> str | None:
    """``2403.03507v2`` / ``arXiv:2403.03507`` -> ``2403.03507``; ``None`` when not an arXiv id."""
    m = _ARXIV.match(value.strip())
    if not m:
        return None
    return (m.group(1) or m.group(2)).lower()


def paper_id(title: str, *, arxiv_id: str | None = None) -> str:
    """``paper/<arxiv id>`` when known, else ``paper/t-<12 hex of sha1(normalised title)>``."""
    if arxiv_id:
        norm = normalise_arxiv_id(arxiv_id)
        if norm:
            return f"paper/{norm.replace('/', '-')}"
    digest = hashlib.sha1(normalise_title(title).encode("utf-8")).hexdigest()[:12]
    return f"paper/t-{digest}"
