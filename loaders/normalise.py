"""Repair the typography that listings lose upstream, keeping a map back to the text as given.

Listings carry titles and abstracts whose LaTeX and symbols were flattened on the way: a
multiplication sign became the word ``times`` glued to a number (``3times``), percent signs stay
escaped (``50\\%``), names keep math markup (``M$^3$ViT``), backslashes were dropped from
commands (``sim 28.6``, ``mathcal{O}left(K right)``). :func:`normalise` rewrites these into
readable text for extraction and records, at every edit, an anchor ``(text_pos, raw_pos)`` so
that any span of the normalised text maps back to the exact characters as given
(:meth:`kg.records.Paper.raw_span` reads the anchors).

>>> n = normalise("Up to 3times  faster with 50\\\\% less memory in M$^3$ViT.")
>>> n.text
'Up to 3× faster with 50% less memory in M3ViT.'
>>> raw = "Up to 3times  faster with 50\\\\% less memory in M$^3$ViT."
>>> s = n.text.index("3×"); n.to_raw_span(s, s + 2, raw)
'3times'
>>> s = n.text.index("M3ViT"); n.to_raw_span(s, s + 5, raw)
'M$^3$ViT'

Where characters were deleted (markup such as the braces of ``{\\em ...}``), a position maps to
the raw position *after* them: a span that starts there leaves the markup out, a span that ends
there takes it in. Spans covering whole repaired pieces, and whole titles, abstracts and
sentences, map to exactly their raw characters.

The repairs are deliberately conservative: each rule fires only in a context where the flattened
form cannot be ordinary English (``sometimes`` and ``7.1 times`` stay as they are).
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.records import TITLE_SEPARATOR

__all__ = [
    "Normalised",
    "normalise",
    "paper_text",
    "find_urls",
    "decode_latex_accents",
]

# -- symbol tables --------------------------------------------------------------------------

SYMBOLS: dict[str, str] = {
    "times": "×", "sim": "~", "approx": "≈", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
    "neq": "≠", "ne": "≠", "pm": "±", "mp": "∓", "cdot": "·", "infty": "∞", "to": "→",
    "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "ll": "≪", "gg": "≫", "propto": "∝",
    "alpha": "α", "beta": "β", "gamma": "γ", "Gamma": "Γ", "delta": "δ", "Delta": "Δ",
    "epsilon": "ε", "varepsilon": "ε", "eta": "η", "theta": "θ", "Theta": "Θ", "kappa": "κ",
    "lambda": "λ", "Lambda": "Λ", "mu": "μ", "nu": "ν", "pi": "π", "Pi": "Π", "rho": "ρ",
    "sigma": "σ", "Sigma": "Σ", "tau": "τ", "phi": "φ", "Phi": "Φ", "psi": "ψ", "Psi": "Ψ",
    "omega": "ω", "Omega": "Ω", "ell": "ℓ", "ldots": "…", "dots": "…", "cdots": "⋯",
    "log": "log", "exp": "exp", "min": "min", "max": "max", "sum": "Σ", "prod": "Π",
    "textasciitilde": "~", "textdollar": "$", "textbackslash": "\\", "S": "§",
}
# Commands that only change the look of their argument: drop them, keep the argument.
STYLE_COMMANDS = frozenset(
    "textbf textit texttt textrm textsf textsc textsl emph em bf it tt rm sf sc sl underline "
    "mathbf mathit mathrm mathsf mathtt mathcal mathbb mathfrak boldsymbol bm text mbox hbox "
    "operatorname url href footnotesize scriptsize tiny small normalsize large Large LARGE huge "
    "Huge color textcolor left right big Big bigg Bigg displaystyle textstyle noindent".split()
)
_STYLE_WORD = "|".join(sorted(STYLE_COMMANDS, key=len, reverse=True))
# "footnotesizeblue": two switches run together once their backslashes were lost
_STYLE_PREFIX = re.compile(r"(?:footnotesize|scriptsize|normalsize|textcolor|color)[a-z]+$")

# -- rules ----------------------------------------------------------------------------------

Edit = tuple[int, int, str]
Rule = tuple["re.Pattern[str]", Callable[["re.Match[str]"], "str | Sequence[Edit]"]]
"""A pattern and what a match becomes: a string, or edits ``(start, end, text)`` inside the match
(so that unchanged words inside a group keep exact anchors: ``{\\em a b}`` drops only its braces
and command)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Inline math: $...$ on one line, not empty, not starting/ending with a space, and not a price
# ("$5-$10": the closing dollar is followed by a digit).
_MATH = re.compile(r"(?<![\\$])\$(?=[^\s$])([^$\n]{1,160}?)(?<=[^\s\\])\$(?![\d$])")
_CMD_WORD = re.compile(r"\\([A-Za-z]+)\*?")
_INNER_SUP = re.compile(r"\^\{([^{}]*)\}|\^(\w)")
_INNER_SUB = re.compile(r"_\{([^{}]*)\}")


def _symbol_or_word(name: str) -> str:
    if name in SYMBOLS:
        return SYMBOLS[name]
    if name in STYLE_COMMANDS or _STYLE_PREFIX.match(name):
        return ""
    return name  # an unknown macro (\tool): keep its name as a word


_M_ESCAPED = re.compile(r"\\([{}_&#$%])")
_M_SPACING = re.compile(r"\\[,;!]")
_M_FRAC = re.compile(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_M_NAME_SUP = re.compile(r"\^\{?([^{}]*)\}?")
_M_SPACES = re.compile(r"\s+")


def _math_inner(inner: str, glued_name: bool) -> str:
    """Make the content of ``$...$`` readable: commands to symbols, braces dropped."""
    s = _M_SPACING.sub(" ", inner) if "\\" in inner else inner
    if "\\" in s:
        s = _M_ESCAPED.sub(r"\1", s)
        s = _M_FRAC.sub(r"\1/\2", s)
        s = _CMD_WORD.sub(lambda m: _symbol_or_word(m.group(1)), s)
    if "^" in s:
        if glued_name:
            # M$^3$ViT, D$^{2}$MoE: a superscript inside a name is part of the name.
            s = _M_NAME_SUP.sub(r"\1", s)
        else:
            s = _INNER_SUP.sub(lambda m: "^" + _group(m.group(1) if m.group(1) is not None else m.group(2)), s)
    if "_{" in s:
        s = _INNER_SUB.sub(lambda m: "_" + _group(m.group(1)), s)
    s = s.replace("{", "").replace("}", "")
    return _M_SPACES.sub(" ", s).strip()


def _group(content: str) -> str:
    content = content.strip()
    return content if re.fullmatch(r"[\w.]+", content) else f"({content})"


def _math(m: re.Match[str]) -> str:
    text = m.string
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    glued = before.isalnum() or after.isalnum()
    return _math_inner(m.group(1), glued)


def _command(m: re.Match[str]) -> str:
    return _symbol_or_word(m.group(1))


def _unwrap(m: re.Match[str], group: int = 1, before: str = "", after: str = "") -> list[Edit]:
    """Edits that replace what surrounds ``group`` by ``before``/``after`` and keep the group."""
    return [(m.start(), m.start(group), before), (m.end(group), m.end(), after)]


def _brace_style_group(m: re.Match[str]) -> list[Edit]:
    # {\em words} / {\bf words}: old-style font switches
    return _unwrap(m, 2)


def _brace_symbol(m: re.Match[str]) -> str:
    return _symbol_or_word(m.group(1))


def _caret_group(m: re.Match[str]) -> list[Edit]:
    if re.fullmatch(r"[\w.]+", m.group(1).strip()):
        return _unwrap(m, 1, "^")
    return _unwrap(m, 1, "^(", ")")


def _sub_group(m: re.Match[str]) -> list[Edit]:
    if re.fullmatch(r"[\w.]+", m.group(1).strip()):
        return _unwrap(m, 1, "_")
    return _unwrap(m, 1, "_(", ")")


_FLAT_BIG_O = re.compile(r"(?<![A-Za-z])mathcal\{(\w)\}|(?<=[\w}])left(?=[(\[])|(?<=[\w}])\s?right(?=[)\]])")


def _flat_big_o(m: re.Match[str]) -> str:
    # mathcal{O}left(K^2right): only rewritten when the text shows flattened mathcal markup, so
    # that ordinary words ("bright)") are left alone elsewhere.
    if "mathcal{" not in m.string:
        return m.group(0)
    return m.group(1) or ""


RULES: tuple[tuple[str, tuple[str, ...], Rule], ...] = (
    ("control characters", (), (_CONTROL, lambda m: "")),
    ("html entities", ("&",), (_ENTITY, lambda m: html.unescape(m.group(0)))),
    ("inline math", ("$",), (_MATH, _math)),
    ("font switch groups", ("{\\",), (re.compile(r"\{\\(" + _STYLE_WORD + r")\b\s*([^{}]*)\}"), _brace_style_group)),
    ("braced symbols", ("{\\",), (re.compile(r"\{\\([A-Za-z]+)\}"), _brace_symbol)),
    ("escaped characters", ("\\",), (re.compile(r"\\([%$_&#{}])"), lambda m: m.group(1))),
    ("math delimiters", ("\\",), (re.compile(r"\\[()\[\]]"), lambda m: "")),
    ("latex spacing", ("\\",), (re.compile(r"\\[,;:! ]"), lambda m: " ")),
    ("discretionary hyphens", ("\\-",), (re.compile(r"\\-"), lambda m: "")),
    ("commands", ("\\",), (re.compile(r"\\([A-Za-z]+)\*?"), _command)),
    # Flattened commands that lost their backslash, only where English cannot produce them.
    ("times glued to a number", ("times",), (re.compile(r"(?<=\d)times(?![a-z])"), lambda m: "×")),
    ("flattened sim", ("sim",), (re.compile(r"(?<![A-Za-z])sim(?=\s?[\d.])"), lambda m: "~")),
    ("flattened leq/geq", ("leq", "geq"), (re.compile(r"(?<![A-Za-z])(leq|geq)(?=\s?[\d.])"), lambda m: SYMBOLS[m.group(1)])),
    ("flattened big-O", ("mathcal{",), (_FLAT_BIG_O, _flat_big_o)),
    ("flattened url", ("url{",), (re.compile(r"(?<![A-Za-z])url\{([^{}\s]+)\}"), _unwrap)),
    ("braced urls", ("{http",), (re.compile(r"\{+(https?://[^{}\s]+)\}+"), _unwrap)),
    ("href residue", ("}",), (re.compile(r"(https?://[^{}\s]+)\{[^{}\s]*\}"), lambda m: m.group(1))),
    ("flattened fraction", ("}",), (re.compile(r"(?<=\d)\{(\d+)\}"), lambda m: "/" + m.group(1))),
    ("superscript groups", ("^{",), (re.compile(r"\^\{([^{}]*)\}"), _caret_group)),
    ("subscript groups", ("_{",), (re.compile(r"(?<=\w)_\{([^{}]*)\}"), _sub_group)),
    # M^3ViT, D^2MoE: a digit superscript inside a name (two letters follow) joins the name.
    ("superscript in a name", ("^",), (re.compile(r"(?<=[A-Za-z])\^(\d+)(?=[A-Za-z]{2})"), lambda m: m.group(1))),
    ("latex non-breaking space", ("~",), (re.compile(r"(?<=[A-Za-z.,;:])~(?=[A-Za-z0-9])"), lambda m: " ")),
    ("url glued to a word", ("://",), (re.compile(r"(?<=[A-Za-z.,;:])(?=https?://)"), lambda m: " ")),
    # Whitespace last: runs of two or more, or any single non-space whitespace, become one space.
    ("whitespace", (), (re.compile(r"\s{2,}|[^\S ]"), lambda m: " ")),
)

# Rules that only make sense for BibTeX field values: protective braces and accents.
_BIBTEX_ACCENTS = re.compile(r"\\([`'^\"~=.])\s*\{?([A-Za-z])\}?|\\([cvuHkr])\s*\{([A-Za-z])\}|\{?\\(ss|o|O|l|L|ae|AE|oe|OE|aa|AA|i|j)\}?(?![A-Za-z])")
_COMBINING = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
    "r": "\u030a",
}
_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ",
}


def _accent(m: re.Match[str]) -> str:
    if m.group(5):
        return _LETTERS[m.group(5)]
    mark, letter = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return unicodedata.normalize("NFC", letter + _COMBINING[mark])


BIBTEX_BEFORE: tuple[tuple[str, tuple[str, ...], Rule], ...] = (("latex accents", ("\\",), (_BIBTEX_ACCENTS, _accent)),)
BIBTEX_AFTER: tuple[tuple[str, tuple[str, ...], Rule], ...] = (
    ("protective braces", ("{", "}"), (re.compile(r"[{}]"), lambda m: "")),
)


def decode_latex_accents(text: str) -> str:
    """Decode LaTeX accents and drop protective braces (for BibTeX names).

    >>> decode_latex_accents('M{\\\\"u}ller and Ka{\\\\l}u{\\\\.z}a')
    'Müller and Kałuża'
    """
    return normalise(text, bibtex=True).text


# -- the anchored rewriter ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised string and its anchors back to the string as given.

    ``anchors`` is flat ``(text_pos, raw_pos, ...)``: from each anchor on, positions advance
    together; only points where the offset changes are stored.
    """

    text: str
    anchors: tuple[int, ...]

    def to_raw(self, pos: int) -> int:
        """Position in the raw string of ``pos`` in :attr:`text` (same rule as ``Paper.raw_span``)."""
        ts = self.anchors[0::2]
        i = bisect_right(ts, pos) - 1
        if i < 0:
            return pos
        return self.anchors[2 * i + 1] + (pos - self.anchors[2 * i])

    def to_raw_span(self, start: int, end: int, raw: str) -> str:
        """The raw characters behind ``text[start:end]``."""
        return raw[self.to_raw(start) : self.to_raw(end)]


def _compose(anchors: list[tuple[int, int]], edits: Sequence[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Anchors of the text after ``edits`` (``(start, end, new_len)`` in current coordinates)."""
    if not edits:
        return anchors
    ts = [t for t, _ in anchors]

    def raw_of(pos: int) -> int:
        i = bisect_right(ts, pos) - 1
        if i < 0:
            return pos
        t, r = anchors[i]
        return r + (pos - t)

    out: list[tuple[int, int]] = []
    shift = 0
    ai = 0
    n = len(anchors)
    for a, b, new_len in edits:
        # carry over the old anchors before this edit (those inside it are superseded)
        while ai < n and anchors[ai][0] < a:
            t, r = anchors[ai]
            out.append((t + shift, r))
            ai += 1
        while ai < n and anchors[ai][0] <= b:
            ai += 1
        out.append((a + shift, raw_of(a)))
        shift += new_len - (b - a)
        out.append((b + shift, raw_of(b)))
    while ai < n:
        t, r = anchors[ai]
        out.append((t + shift, r))
        ai += 1
    return out


def _apply(text: str, anchors: list[tuple[int, int]], rule: Rule) -> tuple[str, list[tuple[int, int]]]:
    pattern, fn = rule
    edits: list[tuple[int, int, int]] = []
    parts: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        rep = fn(m)
        if isinstance(rep, str):
            if rep == m.group(0):
                continue
            pieces: Sequence[tuple[int, int, str]] = ((m.start(), m.end(), rep),)
        else:
            pieces = rep
        for start, end, piece in pieces:
            parts.append(text[last:start])
            parts.append(piece)
            edits.append((start, end, len(piece)))
            last = end
    if not edits:
        return text, anchors
    parts.append(text[last:])
    return "".join(parts), _compose(anchors, edits)


def _compress(anchors: list[tuple[int, int]]) -> tuple[int, ...]:
    """Keep only anchors where the offset changes; for equal text positions the last wins."""
    flat: list[int] = []
    delta = 0
    for i, (t, r) in enumerate(anchors):
        if i + 1 < len(anchors) and anchors[i + 1][0] == t:
            continue
        if r - t != delta:
            flat += (t, r)
            delta = r - t
    return tuple(flat)


def normalise(raw: str, *, bibtex: bool = False) -> Normalised:
    """Normalise one title or abstract.

    >>> normalise("  Fast\\tand \\x07small: $O(n^2)$ to $O(n \\\\log n)$  ").text
    'Fast and small: O(n^2) to O(n log n)'
    >>> normalise("sometimes 7.1 times faster").text
    'sometimes 7.1 times faster'
    """
    text = raw
    anchors: list[tuple[int, int]] = [(0, 0)]
    rules = (BIBTEX_BEFORE + RULES + BIBTEX_AFTER) if bibtex else RULES
    for name, needles, rule in rules:
        # cheap tests first: most texts need few of the rules
        if needles:
            if len(needles) == 1:
                if needles[0] not in text:
                    continue
            elif not any(n in text for n in needles):
                continue
        elif name == "control characters":
            if text.isprintable() or not _CONTROL.search(text):
                continue
        elif name == "whitespace" and " ".join(text.split()) == text:
            continue
        text, anchors = _apply(text, anchors, rule)
    # strip the ends (after the collapse at most one space remains at each end)
    if text.startswith(" "):
        text, anchors = text[1:], _compose(anchors, [(0, 1, 0)])
    if text.endswith(" "):
        n = len(text)
        text, anchors = text[:-1], _compose(anchors, [(n - 1, n, 0)])
    return Normalised(text, _compress(anchors))


def paper_text(title: str, abstract: str, *, bibtex: bool = False) -> tuple[str, tuple[int, ...]]:
    """``Paper.text`` and ``Paper.offset_map`` for a title and abstract as given.

    >>> text, anchors = paper_text("M$^3$ViT", "It is 2times faster.")
    >>> text
    'M3ViT\\n\\nIt is 2× faster.'
    """
    nt = normalise(title, bibtex=bibtex)
    na = normalise(abstract, bibtex=bibtex)
    sep = len(TITLE_SEPARATOR)
    pairs: list[tuple[int, int]] = list(zip(nt.anchors[0::2], nt.anchors[1::2]))
    pairs.append((len(nt.text), len(title)))
    base_t, base_r = len(nt.text) + sep, len(title) + sep
    pairs.append((base_t, base_r))
    pairs += [(t + base_t, r + base_r) for t, r in zip(na.anchors[0::2], na.anchors[1::2])]
    return nt.text + TITLE_SEPARATOR + na.text, _compress([(0, 0), *pairs])


# -- URLs -------------------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|(?<![\w./-])(?:www\.|github\.com/|gitlab\.com/|huggingface\.co/))[^\s<>\"'{}|\\^`\[\]]+")
_URL_TRAIL = ".,;:!?)]'\""
_URL_NEEDLES = ("http", "www.", "github.com", "gitlab.com", "huggingface.co")
_CODE_HOSTS = frozenset({"github.com", "www.github.com", "gitlab.com", "huggingface.co", "gitee.com"})


def find_urls(text: str) -> tuple[str, ...]:
    """URLs in normalised text, trailing punctuation removed, in order, without duplicates.

    >>> find_urls("Code: https://github.com/a/b. Mirror at github.com/a/c, see (https://x.org/p).")
    ('https://github.com/a/b', 'https://github.com/a/c', 'https://x.org/p')
    """
    seen: dict[str, None] = {}
    if not any(n in text for n in _URL_NEEDLES):
        return ()
    for m in _URL.finditer(text):
        url = m.group(0)
        while url and url[-1] in _URL_TRAIL:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        if not url.startswith("http"):
            url = "https://" + url
        host, _, path = url.split("//", 1)[1].partition("/")
        # a code host's front page ("https://github.com/") links to no code
        if host.lower() in _CODE_HOSTS and not path.strip("/"):
            continue
        seen.setdefault(url, None)
    return tuple(seen)
