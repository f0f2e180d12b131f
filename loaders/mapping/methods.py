"""Named contributions: the methods a paper proposes and their named components.

A name is taken from the title's head ("GaLore: ..."), from "X Technical Report", or from the
abstract's proposing phrases ("we introduce X, a ...", "a framework called X"). When the
abstract defines an acronym for the name ("Mixture-of-Recursions (MoR)"), the acronym is used.
Components are acronyms the abstract defines for parts of the method, and the items of a
"components: A and B" list.

>>> from loaders.mapping.text import split_sentences, find_acronyms
>>> text = "FooKV: Fast Caches\\n\\nWe propose FooKV, a cache method. FooKV has two components: bar pruning (BP) and baz merging (BZM)."
>>> s = split_sentences(text, title_end=18)
>>> [m.name for m in find_methods(text, s, find_acronyms(text, s), known=frozenset())]
['FooKV']
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.ids import slug
from loaders.mapping.doc import Acronym, Sentence
from loaders.mapping.text import Gated, first_char_groups, lowered, rx, stands_alone

# A name: a word with a capital inside, a digit, or all capitals (GaLore, M2R2, SPANN, xLSTM),
# possibly hyphenated/followed by a version ("ShuffleNet V2", "TeLLMe v2", "ETHER+").
_NAME_TOKEN = r"[A-Za-z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*\+*"
_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s(?:[Vv]\d+(?:\.\d+)?|\d+(?:\.\d+)?[BM]))?")
# (the proposing phrases are searched in every abstract: each is gated by the words its matches hold, see
# text.Gated, and written as phrases that start a word grouped by first letter, so that the regex engine
# skips ahead to those letters, see text.first_char_groups)
_WE = ("We", "we", "This (?:paper|work|study)", "this (?:paper|work|study)")
_PROPOSE = Gated(re.compile(first_char_groups([
    *(who + r"\s+(?:first\s+|further\s+|also\s+|then\s+)?(?:propose|present|introduce|develop|design|build|release|"
      r"describe|contribute|offer|devise|create|name|call|term|dub|unveil)[sd]?(?::\s*|\s+)"
      for who in (*_WE, "In this (?:paper|work),? we", "in this (?:paper|work),? we", "Here,? we", "here,? we")),
    # (the past tense that a plain "d" does not make: "we developed StylusDocs", "we built ...")
    *(who + r"\s+(?:also\s+|further\s+)?(?:developed|designed|presented|offered|unveiled|built)\s+" for who in _WE),
], word_start=True)), ("propose", "present", "introduce", "develop", "design", "build", "release", "describe", "contribute",
                       "offer", "devise", "create", "name", "call", "term", "dub", "unveil", "built"))
# "These insights motivate us to develop ...": read with _PROPOSE (a pattern of its own, searched only in the
# abstracts that say "us to")
_US_TO = Gated(re.compile(r"\b(?:motivates?|motivated|leads?|led|inspires?|inspired)\s+us\s+to\s+(?:propose|present|introduce|"
                          r"develop|design|build|create|devise)(?::\s*|\s+)"), ("us to",))
_OUR = Gated(re.compile(first_char_groups([
    *(the + r" (?:proposed|new|novel) (?=[A-Z])" for the in ("The", "the", "Our", "our")),
    *(kind + r",\s+(?=[A-Z])" for kind in ("variant", "version", "extension")),
    # "Our first contribution is Optimised Attention, which ..."
    *(our + r" (?:first|second|third|main|key|primary|central) contribution is (?=[A-Z])" for our in ("Our", "our")),
    *(the + r" (?:proposed |new |novel )+(?:method|approach|framework|technique|model|system|algorithm|architecture"
      r"|strategy|scheme)s?,\s+(?=[A-Z])" for the in ("The", "the", "Our", "our", "a", "an")),
    # "Our largest model trained with FooAttention, FooLM-Mini, beats ...": a released model set out by its name
    *(our + r" (?:largest|smallest|final|flagship|strongest|resulting)\s+models?\b[^,.;]{0,60},\s+(?=[A-Z])"
      for our in ("Our", "our")),
], word_start=True)), ("proposed", "new", "novel", "variant", "version", "extension", "contribution is", "largest", "smallest",
                       "final", "flagship", "strongest", "resulting"))
# "the analysis leads to FooAdam, a memory-light variant": the name the work arrives at (read with _OUR)
_LEADS_TO = Gated(re.compile(r"\bl(?:eading|eads|ead|ed)\s+to\s+(?=[\w-]*[A-Z][\w-]*,\s+an?\s)"), ("lead", "led to"))
# a coined name the authors call theirs ("our TinyNet performs", "Our ConvFirst model") or make from their tool
# ("we use DPE to create EvalPerf, a benchmark"); only a name-like word passes (see find_methods)
_OWN_NAME = Gated(re.compile(first_char_groups([r"Our\s+(?=[A-Za-z0-9-]*[A-Z])", r"our\s+(?=[A-Za-z0-9-]*[A-Z])",
                                                 r"to\s+create\s+(?=[A-Z])"], word_start=True)), ("our", "create"))
_SIZE_VARIANT = re.compile(r"-(?:[A-Za-z]|[A-Z]\d|\d+(?:\.\d+)?[BMbm])$")
_MODIFIER_SUFFIX = re.compile(r"-(?:enhanced|augmented|powered|driven|guided|equipped|assisted)$", re.I)
# "we propose Mixture of Sparse Adapters, or MoSA, as ...": the short name given after "or"
_OR_SHORT = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|for|and|with|the|in|to|on)\s+)?[A-Z][\w-]*){0,5},?\s+or\s+"
                       r"([A-Za-z][\w-]*[A-Z][\w-]*)(?=[,\s])")
# (alternatives grouped by first letter: the engine skips to those letters, see first_char_groups; gated by whole
# words, not "call", "name" or "term", which most abstracts hold: "typically", "names", "long-term")
_CALLED = Gated(re.compile(first_char_groups([
    "called", "named", "dubbed", "termed", "coined", "namely", "denoted(?: as)?", "referred to as", "known as", "which we call",
    "we call it", "we name it", "we dub it", "we term it", "we refer to as"], word_start=True) + r"\s+[\"“']?"
), ("called", "we call", "named", "namely", "name it", "dubbed", "dub it", "termed", "term it", "coined", "denoted",
    "referred to as", "refer to as", "known as"))
# the data sets a paper evaluates on, named after their plural noun ("two public datasets, namely A and B");
# the paper's own data are introduced ("we release two new datasets, namely ...") and stay names it proposes
_NAMED_DATA = re.compile(r"\b(?:datasets|data sets|benchmarks|corpora)\s*,?\s*$", re.I)
_OWN_DATA = re.compile(r"\b(?:new|novel|our|own|release[sd]?|introduces?|introduced|construct(?:s|ed)?|collect(?:s|ed)?|"
                       r"build|built|curate[sd]?|create[sd]?)\b", re.I)
_DETERMINERS = re.compile(
    r"(?:\(?(?:\d|i{1,3}|iv|[a-d])\)\s*)?"  # an item mark: "we propose: (1) FooPrompt, ..."
    r"(?:(?:a|an|the|our|two|three|new|novel|simple|first|efficient|effective|lightweight|unified|general|"
    r"family of|suite of|series of|set of)\s+)*"
)
_STOP_NAMES = frozenset(
    """a an the this that these our we it its in on of for to with and or by as is are be can
    paper work study method approach framework system model models technique techniques algorithm
    survey overview review benchmark analysis towards toward beyond rethinking revisiting scaling
    understanding exploring improving enabling efficient memory learning training inference fast
    large small deep neural language vision lightweight novel new simple first however moreover
    specifically furthermore additionally finally then thus here instead experiments results extensive
    both each all such one two three several many various key main mixture""".split()
)
_HEAD_REJECT = re.compile(
    r"^(?:towards?|beyond|on|rethinking|revisiting|scaling|understanding|exploring|efficient|memory[- ]efficient|"
    r"a|an|the|when|how|what|why|is|are|do|does|can|not|from|in|into|through|learning|training|"
    r"fast|faster|simple|small|less|more|make|making|unlocking|unleashing|boosting|improving|enhancing|"
    r"accelerating|compressing|mitigating|reducing|leveraging|assessing|evaluating|measuring|benchmarking)(?=\s)"
    r"|\b(?:vs|v\.s|versus)\b",
    re.I,
)
# "a method called Foo Prediction.": Title-Case words that together are the name given
_TITLE_RUN = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|and)\s+)?[A-Z0-9][\w-]*){1,4}(?=\s*[(.,;:]|\s+[a-z]|$)")
# "we introduce a novel FooGEMM kernel" after the abstract already used FooGEMM: the kind of thing built, not its name
_INDEFINITE_AT = re.compile(r"(?:a|an)\s")
_PLAIN_WORD_NEXT = re.compile(r"\s+[a-z]")
# "... an architecture designed for scale: the Foo Bar Potential (FBP)": the name set out after a colon
_COLON_THEN = re.compile(r"[^.;:]{0,80}:\s+(?:(?:the|our)\s+)?")
# "a system named FooChip, being developed by Acme": another party's
_BY_OTHERS = re.compile(r",?\s+(?:being\s+|which\s+(?:is|was)\s+)?(?:developed|built|designed|made|released)\s+by\s+(?!us\b)")
# "we present efficient modulation, a novel design ... the efficient modulation (EfficientMod) block": a plain-word
# coinage set out with an apposition and given its short name later
_PLAIN_APPOSITION = re.compile(r"([a-z][\w-]*(?:\s[a-z][\w-]*){0,3}),\s+(?:a|an)\s")
_ITEM_OPENING = re.compile(r"\s*\(?(?:\d|i{1,3}|iv|[a-d])\)\s")
# "It was recently reported that a variant called FooNet ...", "a recent variant of S4 called Foo showed": a name
# given in a sentence that reports earlier work and says nothing of the authors' own is another party's
_OWN_WORDS = re.compile(r"\b(?:we|our|us|this\s+(?:paper|work|study|article|letter)|here(?:in)?|propos\w*|present\w*|"
                        r"introduc\w*|novel|new)\b", re.I)
_PRIOR_WORK = re.compile(r"\b(?:recent(?:ly)?|reported|existing|previous(?:ly)?|prior|earlier|original|showed|shown|"
                         r"first\s+version)\b", re.I)
# "we present three novel sequence models-Foo, Bar, and Baz-that ...": names listed after how many there are
_NAMED_SET = re.compile(r"(?:(?:a|an|the)\s+)?(?:two|three|four|five)\s+(?:[\w-]+\s+){0,3}?(?:models|variants|methods|"
                        r"architectures|algorithms|optimizers|networks)\s*(?:[-–—:]\s*|,\s+namely\s+)"
                        r"((?:[A-Z][\w-]*,\s*)+(?:and\s+)?[A-Z][\w-]*)")
# "we introduce an easy but effective setting ``Large-Sparse''": a capitalised word the proposing clause sets in
# quotes is the name it coins (one word: a quoted phrase is a term, "timestep sharing")
_QUOTED_NAME = re.compile(r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,5}?(?:``|\"|“)([A-Z][\w+.-]*[\w+])(?:''|\"|”)")
# what a part of a method is set out as ("the Foo Unit (FU), a simple yet effective mechanism for ...")
_PART_APPOSITION = re.compile(r"\)?,\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:mechanism|module|layer|unit|block|component)\b")
# "Efficient Serving with FooEngine" and "this work is integrated into FooEngine": the system the work lives in
_TITLE_TAIL_NAME = re.compile(r"\s(?:with|in|into|via|on)\s+([A-Za-z][\w-]*)$")
_PROPOSED_ACRONYM_BEFORE = re.compile(r"\b(?:[Tt]he|[Oo]ur)\s+proposed\s+$")
_WHOLE_AFTER = re.compile(r"\s*(?:method|framework|approach|algorithm|model|technique|architecture|system)s?\b")
_TWO_WORD_SET_OUT = re.compile(r"[A-Z][a-z]+\s[A-Z][A-Za-z0-9-]*,\s+(?:which|a|an)\s")
_TWO_WORD_NAME = re.compile(rf"{_NAME_TOKEN}\s[A-Z][A-Za-z0-9-]*(?=[,:(])")
_NEXT_WORD = re.compile(r"\s+(\w+)")
# "we release a strong baseline, ElasticBERT, which ...": the name set after the kind of thing proposed
_KIND_THEN_NAME = re.compile(
    rf"(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:baseline|method|approach|framework|model|system|algorithm|architecture|"
    rf"technique|tool|library|runtime|engine|compiler|pipeline|scheme)s?,\s+({_NAME_TOKEN})(?=,)")
# "we propose FooLM, a family of models, and FooRun, an inference runtime": a second name set out the same way
_AND_NAME_APPOSITION = re.compile(rf",?\s+and\s+({_NAME_TOKEN}),\s+(?:a|an)\s")
# "Next, the FooTrain offloading framework is designed": a coined name proposed in the passive voice (present
# tense only: "X was proposed" is prior work)
_PASSIVE_WORDS = ("devised", "proposed", "designed", "introduced", "developed", "presented")
_PASSIVE_PROPOSAL = re.compile(
    rf"(?<![\w-])({_NAME_TOKEN})\)?(?:\s+[a-z][\w-]*){{0,3}}\s+(?:is|are)\s+(?:then\s+|also\s+|further\s+|first\s+)?"
    r"(?:devised|proposed|designed|introduced|developed|presented)\b")
_PASSIVE_VERB = Gated(re.compile(first_char_groups(["is", "are"], word_start=True)
                                 + r"\s+(?:then\s+|also\s+|further\s+|first\s+)?(?:devised|proposed|designed|"
                                 r"introduced|developed|presented)\b"), _PASSIVE_WORDS)
_OUR_MODEL = re.compile(r"[Oo]ur\s+(?:largest|smallest|final|flagship|strongest|resulting)\s")
_CLAIMED = re.compile(r"\b(?:proposed|new|novel)\b.*,\s*$")
# what follows a coinage's acronym when the sentence goes on to describe it
_RESTRICTIVE_AFTER = re.compile(r"\)?\s*(?:,\s*)?(?:that|which|to|as|for|where|whereby|,\s+a|,\s+an)\b")
_FUNCTION_WORDS = frozenset("in a an of the on for to with and at by is".split())
_TITLE_LEAD = re.compile(r"^((?:[A-Z][\w-]*\s+){1,3}[A-Z][\w-]*)\s*:\s")
# "Towards Distributed Neural Architectures" with "we introduce distributed neural architectures (DNA)": a whole
# title of Title-Case words that the abstract abbreviates names the paper's contribution
_TITLE_WHOLE = re.compile(r"^(?:Towards?\s+)?((?:[A-Z][\w-]*\s+){1,3}[A-Z][\w-]*)\.?$")
_BAD_SUFFIX = re.compile(r"-(?:based|friendly|aware|like|style|free|level|wise|only|specific|efficient|oriented)$", re.I)


@dataclass(frozen=True)
class FoundMethod:
    name: str
    start: int
    end: int
    sentence: int
    confidence: float
    from_title: bool = False


_ASCII_DIGIT = re.compile("[0-9]")


def name_like(token: str) -> bool:
    """Does ``token`` look like a coined name rather than an English word?

    >>> [name_like(t) for t in ("GaLore", "M2R2", "SPANN", "xLSTM", "Dolphin", "memory", "LLM", "ETHER+", "High-Resolution")]
    [True, True, True, True, False, False, True, True, False]
    """
    core = token.rstrip("+")
    if "-" in core.strip("-"):
        return any(name_like(part) for part in core.split("-") if part)
    if core.isascii():
        # (the tests below read by C-level string methods: ASCII letters are the cased characters, digits 0-9;
        # with fewer than two capitals, one after a lowercase first letter is the last test's)
        if len(core) < 2 or core.lower() == core.upper():
            return False
        if _ASCII_DIGIT.search(core) is not None:
            return True
        capitals = sum(map(str.isupper, core))
        return capitals >= 2 or (capitals == 1 and core[0].islower())
    letters = [c for c in core if c.isalpha()]
    if len(core) < 2 or not letters:
        return False
    if any(c.isdigit() for c in core) and any(c.isalpha() for c in core):
        return True
    if sum(c.isupper() for c in letters) >= 2:
        return True
    return core[0].islower() and any(c.isupper() for c in core[1:])


_DESCRIPTIVE_TAIL = re.compile(r"(?:method|technique|approach|strategy|mechanism|module|algorithm|scheme|variant|"
                               r"design|solution|procedure|operation)s?", re.I)


def described_part(name: str, *, indefinite: bool, tail: str = "", title: str = "",
                   generic: frozenset[str] = frozenset()) -> bool:
    """Whether a part phrase describes what the method does rather than naming a part of it.

    A component is a name: a coined token, Title-Case words, or the title's own wording. Plain words
    under an indefinite article and a generic head ("we propose an always-on-chip decode scheme",
    "a KV sharing variant") describe; so does a long run of plain words ("multi-stage hidden state
    fusion": the guideline's names are short phrases). ``generic`` holds acronyms that coin nothing (KV, GPU).

    >>> described_part("length adaptive compilation", indefinite=True, tail="method")
    True
    >>> described_part("W4Ax", indefinite=True, tail="kernel"), described_part("Stream Buffer", indefinite=False, tail="technique")
    (False, False)
    >>> described_part("cascaded group attention", indefinite=True, tail="module", title="ViT with Cascaded Group Attention")
    False
    >>> described_part("KV sharing", indefinite=True, tail="variant", generic=frozenset({"KV"}))
    True
    >>> described_part("multi-stage hidden state fusion", indefinite=False), described_part("cascade head pruning", indefinite=False)
    (True, False)
    """
    words = name.split()
    if not words:
        return False
    if any(name_like(w) and w.strip("-+") not in generic for w in words):
        return False  # a coined token: "BOS-aware", "W4Ax", "LUT"
    if len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 2:
        return False  # "Stream Buffer", "Latency Lookup Tables"

    def squash(s: str) -> str:
        return re.sub(r"[\s_-]+", "", s).lower()

    if title and squash(name) in squash(title):
        return False  # the title's wording names it ("... with Cascaded Group Attention")
    if indefinite and tail and _DESCRIPTIVE_TAIL.fullmatch(tail):
        return True
    return len(words) > 3


# -- a name's uses, found with str.find: a pattern compiled for each paper's name cost more than the search

_ASCII_LETTERS = frozenset(string.ascii_letters)
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)


def _word_char(c: str) -> bool:
    """``\\w`` of a str pattern."""
    return c.isalnum() or c == "_"


def variants_of(text: str, name: str) -> Iterator[tuple[str, int]]:
    """``(word, start)`` for each word of ``text`` that is ``name`` with letters before it and a
    "-suffix" or "+" after it, as ``(?<![\\w-])([A-Za-z]*NAME(?:[-+][A-Za-z0-9]+|\\+)?)(?![\\w])`` finds them.

    >>> list(variants_of("APOLLO and APOLLO-Mini beat xAPOLLO+, not APOLLOs or Q-APOLLO.", "APOLLO"))
    [('APOLLO', 0), ('APOLLO-Mini', 11), ('xAPOLLO+', 28)]
    """
    n, size = len(text), len(name)
    pos = 0
    while (q := text.find(name, pos)) >= 0:
        start = q  # the word starts where the letters before the name start
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        run_end = q
        while run_end < n and text[run_end] in _ASCII_LETTERS:
            run_end += 1
        pos = run_end + 1  # no word starts inside these letters
        if start > 0 and (_word_char(text[start - 1]) or text[start - 1] == "-"):
            continue
        # the name may stand anywhere after the first letters: the latest place that ends a word wins
        for at in range(min(run_end, n - size), q - 1, -1):
            if text.startswith(name, at) and (end := _variant_end(text, at + size)) is not None:
                yield text[start:end], start
                pos = end
                break


def _variant_end(text: str, e: int) -> int | None:
    """Where a variant whose name ends at ``e`` ends: after a "-suffix", a "+", or at ``e``; None if a word goes on."""
    n = len(text)
    if e < n and text[e] in "-+":
        k = e + 1
        while k < n and text[k] in _ASCII_ALNUM:
            k += 1
        if k > e + 1 and (k == n or not _word_char(text[k])):
            return k
        if text[e] == "+" and (e + 1 == n or not _word_char(text[e + 1])):
            return e + 1
    if e == n or not _word_char(text[e]):
        return e
    return None


def _sentence_of(sentences: Sequence[Sentence], pos: int) -> int:
    idx = 0
    for s in sentences:
        if s.start <= pos:
            idx = s.index
        else:
            break
    return idx


@lru_cache(maxsize=64)  # asked twice of each title: by the title's acronym and by find_methods
def title_head(title: str) -> str | None:
    """The name a title gives its contribution, if any ("GaLore: ...", "X Technical Report").

    >>> title_head("GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection")
    'GaLore'
    >>> title_head("Efficient Transformers: A Survey") is None
    True
    >>> title_head("LongCat-Flash Technical Report")
    'LongCat-Flash'
    """
    m = rx(r"^(.{2,60}?)\s*(?::|\s[-–—]{1,2}\s)\s*\S").match(title)
    if not m:
        m = rx(r"^(.{2,40}?)\s+(?:Technical Report|technical report|System Card)\b").match(title)
        if not m:
            return None
    head = m.group(1).strip().strip('"“”')
    head = rx(r"(?<=\S)\s+(?:Models?|Model Family|Family)$").sub("", head)  # "Foo Code Models": the family's name
    # "Task Memory Engine (TME)": the acronym is the name
    paren = rx(r"^(.*?)\s*\(([A-Za-z][A-Za-z0-9-]{1,12})\)$").match(head)
    if paren:
        return paren.group(2)
    words = head.split()
    if not words or len(words) > 5 or _HEAD_REJECT.search(head):
        return None
    if head.lower().endswith(("survey", "review", "overview", "tutorial", "primer")):
        return None
    if len(words) == 1:
        w = words[0]
        return head if (name_like(w) or (w[0].isupper() and w.lower() not in _STOP_NAMES)) else None
    # several words: one coined token and at most one plain content word ("POPGym Arcade",
    # "Single-Path NAS", "LLM in a flash", "ShuffleNet V2"); plain phrases are checked by the caller
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    plain = [w for w in content if not (name_like(w) or rx(r"[Vv]\d+(?:\.\d+)?|\d+(?:\.\d+)?[BM]").fullmatch(w))]
    if len(plain) <= 1 and len(plain) < len(content):
        return head
    return head if len(content) <= 2 and all(w[0].isupper() for w in content) else None


def find_methods(
    text: str,
    sentences: Sequence[Sentence],
    acronyms: Sequence[Acronym],
    *,
    known: frozenset[str],
) -> list[FoundMethod]:
    """Methods the paper proposes, in order of first naming; ``known`` holds names of catalog things.
    ``sentences`` are those of ``text`` (what :func:`split_sentences` gives)."""
    found: dict[str, FoundMethod] = {}
    title = sentences[0].text if sentences else ""
    abstract_start = sentences[1].start if len(sentences) > 1 else len(text)
    by_long = {slug(a.long): a for a in acronyms}
    by_start = {a.start: a for a in acronyms}

    def add(name: str, start: int, conf: float, from_title: bool = False, claimed: bool = False) -> None:
        name = name.strip(" ,.;:\"'“”()")
        if not name or name.lower() in _STOP_NAMES or _BAD_SUFFIX.search(name) or _NUMBER_FORMAT.match(name):
            return
        # The acronym the abstract defines for a long name is the name used ("MoR", "PAMM").
        acr = by_long.get(slug(name)) or by_start.get(start)
        if acr is not None and len(acr.short) < len(acr.long) and (acr.start == start or slug(acr.long) == slug(name)):
            name = acr.short
            at = text.find(name, acr.start, acr.end + 1)
            start = at if at >= 0 else max(text.find(name), 0)
        if len(name) > 4 and name.endswith("s") and name[-2] not in "sS" and name_like(name) \
                and stands_alone(text, name[:-1]):
            name = name[:-1]  # "a family of FooNets ... FooNet is faster": the singular names the method
        key = slug(name)
        # (a catalog name is the paper's own only where the title or "the proposed models, X" says so; not "our novel VAE")
        if not key or (key in known and not (from_title or claimed)):
            return
        for other in list(found):
            # "POPGym" after "POPGym Arcade", "KOALA-1B" after "KOALA", "EfficientNets" after "EfficientNet"
            if other.startswith(key + "-") or key.startswith(other + "-") and rx(r"-\d+(?:\.\d+)?[bm]$|-base$").search(key) \
                    or key == other + "s":
                return
            if other == key + "s":  # "we propose FooNets ... our FooNet": the singular names the method
                found[key] = FoundMethod(name, found[other].start, found[other].start + len(name), found[other].sentence,
                                         found[other].confidence, found[other].from_title)
                del found[other]
                return
        if key in found:
            if from_title and not found[key].from_title:
                found[key] = FoundMethod(found[key].name, found[key].start, found[key].end, found[key].sentence,
                                         max(conf, found[key].confidence), True)
            return
        found[key] = FoundMethod(name, start, start + len(name), _sentence_of(sentences, start), conf, from_title)

    head = title_head(title)
    if head:
        words = head.split()
        multi_plain = len(words) > 1 and not any(name_like(w) for w in words)
        # a plain-word head ("Kimi Linear") must be used as a name in the abstract too
        if not multi_plain or text.find(head, abstract_start) >= 0:
            add(head, max(title.find(head), 0), 0.95 if not multi_plain else 0.75, from_title=True)

    elif (lead := _TITLE_LEAD.match(title)) and slug(lead.group(1)) in by_long:
        # a plain Title-Case lead that the abstract abbreviates ("Local Linear Attention: ..." and
        # "Local Linear Attention (LLA)") is the paper's named contribution, whatever its words
        add(lead.group(1), lead.start(1), 0.9, from_title=True)

    proposals: list[re.Match[str]] = []  # (read again below for a second name set out beside the first)
    for pat, conf in ((_CALLED, 0.9), (_PROPOSE, 0.85), (_OUR, 0.8), (_OWN_NAME, 0.7)):
        more = _US_TO if pat is _PROPOSE else _LEADS_TO if pat is _OUR else None
        matches: Iterable[re.Match[str]] = pat.finditer(text, abstract_start)
        if more is not None and more.may_match(text):
            matches = sorted([*matches, *more.finditer(text, abstract_start)], key=lambda x: x.start())
        for m in matches:
            if pat is _PROPOSE:
                proposals.append(m)
            if pat is _CALLED and _NAMED_DATA.search(text, max(abstract_start, m.start() - 60), m.start()) \
                    and not _OWN_DATA.search(text, max(abstract_start, m.start() - 60), m.start()):
                continue  # "on two public datasets, namely Aishell-1 and HKUST": data the paper uses, not its method
            if pat is _CALLED and sentences and (said := sentences[_sentence_of(sentences, m.start())].text) \
                    and _PRIOR_WORK.search(said) and not _OWN_WORDS.search(said):
                continue  # "a recent variant of S4 called DSS showed ...": earlier work, named in the background
            pos = m.end()
            det = _DETERMINERS.match(text, pos)
            after_det = det.end() if det else pos
            nm = _NAME.match(text, after_det)
            if not nm:
                continue
            name = nm.group(0)
            first = name.split()[0]
            if pat is _CALLED and (acr := by_start.get(after_det)) is not None and name_like(acr.short) \
                    and len(acr.long.split()) >= 2:
                # "a framework, called Sparse to Dense (S2D), ...": the name is the defined acronym, whatever small
                # words its long form holds (the Title-Case run below stops at "to")
                name = first = acr.short
            elif pat is _CALLED and (run := _TITLE_RUN.match(text, after_det)) is not None:
                name = first = run.group()  # "a method called Foo Prediction."
            if pat is _PROPOSE and found and _ITEM_OPENING.match(sentences[_sentence_of(sentences, m.start())].text):
                continue  # "(4) Fast sampling: we propose FooSolver to ...": a part, in the list of the method's designs
            if pat is _PROPOSE and (short := _OR_SHORT.match(text, after_det)) is not None and name_like(short.group(1)):
                add(short.group(1), short.start(1), conf)  # "a family of GPU-Friendly Networks, or GFNets in short"
                continue
            # "we propose FooKV, a ..." / "called FooKV" / "we introduce Kimi Linear, a ..."
            follow = text[nm.end() : nm.end() + 3]
            strong = name_like(first) or (pat is _CALLED and first[0].isupper())
            if strong and pat is _PROPOSE and _INDEFINITE_AT.match(text, pos) and _PLAIN_WORD_NEXT.match(text, nm.end()) \
                    and text.find(first, abstract_start, m.start()) >= 0:
                # "we introduce a novel SpGEMM kernel", the abstract having spoken of SpGEMM: a kind, not a name;
                # the name may follow a colon ("an NNIP architecture built to scale: the Foo Potential (FP)")
                if (colon := _COLON_THEN.match(text, nm.end())) is not None and (acr := by_start.get(colon.end())) is not None \
                        and all(w[:1].isupper() for w in acr.long.split() if w.lower() not in _FUNCTION_WORDS):
                    add(acr.short, acr.start, conf)
                continue
            if strong and _BY_OTHERS.match(text, nm.end()):
                continue  # "a system named FooChip, being developed by Acme"
            # (the plain words may open with a word read as a determiner: "efficient modulation")
            if not strong and pat is _PROPOSE and (plain := _PLAIN_APPOSITION.match(text, pos)
                                                   or _PLAIN_APPOSITION.match(text, after_det)) is not None \
                    and (acr := by_long.get(slug(plain.group(1)))) is not None and name_like(acr.short):
                add(acr.short, acr.start, conf)
                continue
            # (a field word may open it when an apposition or a clause follows: "we introduce Efficient Attention, which")
            if not strong and first[0].isupper() and after_det == pos and (
                    first.lower() not in _STOP_NAMES or _TWO_WORD_SET_OUT.match(text, pos)):
                # a two-word name before the comma ("Kimi Linear, a hybrid ...", "we introduce Super Attention, which")
                two = _TWO_WORD_NAME.match(text, after_det)
                if two:
                    name, strong = two.group(0), True
                    first = name if first.lower() in _STOP_NAMES else first
                elif follow[:1] in (",", ":", "("):
                    strong = True
            if not strong and pat is _PROPOSE and (kind := _KIND_THEN_NAME.match(text, pos)) \
                    and name_like(kind.group(1)) and kind.group(1).lower() not in _STOP_NAMES:
                add(kind.group(1), kind.start(1), conf)
                continue
            if not strong and pat is _PROPOSE and first[:1].islower() and (acr := by_start.get(after_det)) is not None \
                    and len(acr.long.split()) >= 2 and len(acr.short) >= 3 and acr.short.isupper() \
                    and _RESTRICTIVE_AFTER.match(text, acr.end) and not any(f.from_title for f in found.values()):
                # "we propose memory-efficient fine-tuning (MEFT) that inserts adapters": a plain-word coinage
                # given its own acronym and described at once (a class's standard acronym is a known name); beside
                # a method the title names, such a coinage is one of its parts
                add(acr.short, acr.start, conf)
                continue
            if not strong and pat is _PROPOSE and first[:1].isupper():
                short = _OR_SHORT.match(text, after_det)
                acr = by_start.get(after_det)
                if short and name_like(short.group(1)):
                    name, strong = short.group(1), True
                    add(name, short.start(1), conf)
                    continue
                if acr is not None and len(acr.long.split()) >= 2 and all(
                        w[:1].isupper() for w in acr.long.split() if w.lower() not in _FUNCTION_WORDS):
                    # "we propose Hierarchical Sparse Attention (HSA), a ...": a Title-Case coinage with its acronym
                    # (and the next one when two are proposed together: "Weight Standardization (WS) and
                    # Batch-Channel Normalization (BCN)")
                    add(acr.short, acr.start, conf)
                    nxt = next((b for b in acronyms if b.start > acr.end and b.sentence == acr.sentence), None)
                    if nxt is not None and rx(r"\s+and\s+").fullmatch(text, acr.end, nxt.start) and all(
                            w[:1].isupper() for w in nxt.long.split() if w.lower() not in _FUNCTION_WORDS):
                        add(nxt.short, nxt.start, conf)
                    continue
            if not strong or first.lower() in _STOP_NAMES:
                continue
            if found and pat is not _OWN_NAME and _PART_NOUN_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                    and not any(_initials(f.name) == name.lower() for f in found.values()):
                # "an algorithm named TRaIn", "tokens (we call VIP-tokens)": a part of the method found before
                # (not the title's method by its short name: "a memory mechanism called TiM (Think-in-Memory)")
                continue
            if pat is _OWN_NAME and (_SIZE_VARIANT.search(name) or _MODIFIER_SUFFIX.search(name)):
                continue
            if pat is _OWN_NAME and proposals and _PLAIN_WORD_NEXT.match(text, nm.end()) \
                    and text.find(first, abstract_start, proposals[0].start()) >= 0:
                continue  # "our SpGEMM kernel" where the abstract spoke of SpGEMM before proposing: a kind, not a name  # "our TinyNet-E", "our EfficientMod-s", "our ICV-enhanced model": a size or a use of a name
            if pat is _OUR and _OUR_MODEL.match(m.group()) and any(slug(name).startswith(k + "-") for k in found):
                continue  # "our largest model, FooNet-L7,": a size of the method
            # (a catalog model the authors call their largest or final model is theirs: a release is a method too)
            add(name, nm.start(), conf, claimed=pat is _OUR and (_CLAIMED.search(m.group()) is not None
                                                                 or _OUR_MODEL.match(m.group()) is not None))
    for m in proposals:
        if (quoted := _QUOTED_NAME.match(text, m.end())) is not None:
            add(quoted.group(1), quoted.start(1), 0.8)
        if (named := _NAMED_SET.match(text, m.end())) is not None:
            for part in re.finditer(r"[A-Z]\w*(?:-[A-Z]\w*)*", named.group(1)):
                add(part.group(), named.start(1) + part.start(), 0.8)
    for a in acronyms:
        # "The proposed jointly learned codebooks (JLC) method allows ...": the proposed method's short name
        if _PROPOSED_ACRONYM_BEFORE.search(text, max(abstract_start, a.start - 20), a.start) and _WHOLE_AFTER.match(text, a.end) \
                and slug(a.short) not in known:
            add(a.short, a.start, 0.8)
    for m in proposals if found else ():
        end = sentences[_sentence_of(sentences, m.start())].end
        for co in _AND_NAME_APPOSITION.finditer(text, m.end(), end):
            if name_like(co.group(1)):
                add(co.group(1), co.start(1), 0.85)
    for m in passive_proposals(text, abstract_start):
        if name_like(m.group(1)):
            add(m.group(1), m.start(1), 0.75)

    if not found and (tail := _TITLE_TAIL_NAME.search(title)) is not None and name_like(tail.group(1)) \
            and rx(rf"\b(?:integrated|implemented|built|incorporated)\s+(?:into|in|on)\s+{re.escape(tail.group(1))}\b").search(text):
        add(tail.group(1), tail.start(1), 0.75, from_title=True)  # "... Inference with FooEngine": "integrated into FooEngine"
    main = sorted(found.values(), key=lambda f: (not f.from_title, f.start))
    if main and len(main[0].name) >= 3:
        # named variants of the main method ("APOLLO-Mini", "LoReFT", "ETHER+")
        for word, at in variants_of(text[abstract_start:], main[0].name):
            if _WORD_GOES_ON.match(text, abstract_start + at + len(word)):
                continue  # "Foo-0.5B", "FooTune-DeepSeek-Coder-6.7B": a size, or the method glued to a base model
            if word != main[0].name and name_like(word) and not _IN_URL.search(text, 0, abstract_start + at) \
                    and not _SIZE_VARIANT.search(word):  # (a size of the method, "TinyNet-E", is no variant)
                add(word, abstract_start + at, 0.7)  # (not a repository's name in a code link: ".../Foo-Agent")
    elif not found:
        # no proposing phrase: the abstract's own coined acronym, defined with a Title-Case long form
        # and used again ("Neural Attention Memory Models (NAMMs)")
        # ("we propose Foo Scaling (FS) and Bar Norm (BN)": two coordinated coinages are both proposed)
        prev: Acronym | None = None
        # (or one the whole title spells out, in any case: "Towards Distributed Neural Architectures" and
        # "we introduce distributed neural architectures (DNA)")
        whole = _TITLE_WHOLE.match(title)
        title_long = slug(whole.group(1)) if whole else None
        for a in acronyms:
            long_words = a.long.split()
            if prev is not None and not (a.sentence == prev.sentence and rx(r"\s+and\s+").fullmatch(text, prev.end, a.start)):
                break
            if a.sentence >= 1 and stands_alone(text[a.end:], a.short) and slug(a.short) not in known and len(long_words) >= 2 \
                    and (all(w[:1].isupper() for w in long_words if w.lower() not in _FUNCTION_WORDS)
                         or slug(a.long) == title_long and name_like(a.short)):
                add(a.short, a.start, 0.6)
                prev = a
            elif prev is not None:
                break
    # named metrics the paper proposes are methods too ("We propose three new measurement tools--Domain
    # Specialization Index (DSI), ..."): the Title-Case coinages defined in that sentence
    # (a sentence is a piece of ``text``: none is asked where the paper lacks the pattern's words, as most do)
    for s_ in sentences[1:] if _NEW_METRICS.may_match(text) else ():
        if not _NEW_METRICS.search(s_.text):
            continue
        for a in acronyms:
            words = [w for w in a.long.split() if w.lower() not in _FUNCTION_WORDS]
            if a.sentence == s_.index and len(words) >= 2 and all(w[:1].isupper() for w in words):
                add(a.short, a.start, 0.7)
    # "TiM (Think-in-Memory)": a short name defined by its long form in parentheses is one method, the short one
    for key, fm in list(found.items()):
        for other in list(found.values()):
            if other is not fm and _initials(fm.name) == other.name.lower() and f"{other.name} ({fm.name})" in text:
                found.pop(key, None)
                break
    if len(found) > 1:
        # "we introduce the Foo Unit (FU), a simple mechanism ... We apply it to create FooNet": set out as a
        # mechanism or module beside another method, it is a part of that method (find_components)
        # (not one the title names by its long form: "... via Hierarchical Sparse Attention")
        title_key = slug(title)
        for key, fm in list(found.items()):
            if not fm.from_title and _PART_APPOSITION.match(text, fm.end) and len(found) > 1 \
                    and not any(a.short == fm.name and slug(a.long) in title_key for a in acronyms):
                del found[key]
    ordered = sorted(found.values(), key=lambda f: (not f.from_title, f.start))
    if len(ordered) > 1:
        # "We then introduce FlashLLA, a hardware-efficient, blockwise algorithm": the main method's own
        # algorithm or kernel, named after it, is a part of it (find_components), not a second method
        parts = {slug(n) for n, _ in implementations_of(text, ordered[0].name, abstract_start)}
        ordered = [ordered[0], *(f for f in ordered[1:] if slug(f.name) not in parts)]
    return ordered


def passive_proposals(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    """The matches of :data:`_PASSIVE_PROPOSAL` in ``text[start:]``, as its ``finditer`` gives them.

    Every match ends at a rare "is/are proposed": the pattern, which may start at any word, is searched
    only in the stretch before each of those (a scan of the whole abstract from every position cost
    a fifth of :func:`find_methods`).

    >>> [m.group(1) for m in passive_proposals("Then FooNet is proposed. BarKit was proposed.")]
    ['FooNet']
    """
    done = start
    for v in _PASSIVE_VERB.finditer(text, start):
        for m in _PASSIVE_PROPOSAL.finditer(text, max(done, v.start() - 120), v.end()):
            done = m.end()
            yield m


def _initials(name: str) -> str:
    """The lowercased first letters of a name's words: "Think-in-Memory" -> "tim"."""
    return "".join(w[:1] for w in re.split(r"[\s-]+", name) if w).lower()


_IMPL_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+,?\s+){0,4}?(?:algorithm|kernel|implementation|operator|primitive)s?\b")


def implementations_of(text: str, main: str, start: int = 0) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of coined names that embed the main method's name with letters before it and are
    set out as its algorithm or kernel: "FlashLLA, a hardware-efficient, blockwise algorithm" for LLA.
    (A name that only adds a suffix, "APOLLO-Mini", or an instance of a family, is a variant: a method.)

    >>> list(implementations_of("We introduce FooNet. We then give FastFooNet, a blockwise GPU kernel.", "FooNet"))
    [('FastFooNet', 34)]
    """
    if len(main) < 2:
        return
    pos = text.find(main, start)
    while pos >= 0:  # (str.find: a pattern compiled for each paper's name would evict the shared ones)
        at = pos
        while at > 0 and text[at - 1].isascii() and text[at - 1].isalnum():
            at -= 1
        end = pos + len(main)
        if at < pos and text[at].isupper() and (at == 0 or not (_word_char(text[at - 1]) or text[at - 1] == "-")) \
                and not (end < len(text) and (_word_char(text[end]) or text[end] == "-")) \
                and _IMPL_APPOSITION.match(text, end):
            yield text[at:end], at
        pos = text.find(main, end)


# a part of the method is introduced, not reused: "we propose X (ACR)", "features two components", "(1) ..."
_INTRO = re.compile(
    r"\b(?:we (?:\w+ ){0,2}(?:propose|introduce|design|develop|present|devise|build|create)|we first|"
    r"features?|featuring|compris\w*|consists? of|includ\w*|incorporat\w*|at (?:its|the) core|"
    r"key (?:component|innovation|idea|technique|design)s?|components?|modules?|"
    r"first|second|third|\(\d\)|\([ivx]+\)|\([a-c]\)|\b(?:a|an)\s+(?:new|novel)\b)", re.I)
_REUSE = re.compile(r"\b(?:is|are) (?:employed|adopted|used|applied)|\b(?:following|based on|such as|like|using|uses|"
                    r"use of|utiliz\w*|leverag\w*|inspired by|against|compared (?:to|with)|than|existing|standard|"
                    r"conventional|popular|well-known|classic)\b", re.I)
# long forms that name a measure, a baseline or a field rather than a part of the method
# (the head word decides: "Task Representation and Intent Management (TRIM)" is a part, "downstream tasks" is not)
# (and an event: "the winning solution of the Low Power Image Recognition Challenge (LPIRC)")
_NOT_PART_LONG = re.compile(r"\b(?:baselines?|error|accuracy|benchmarks?|datasets?|tasks?|evaluations?|challenges?|"
                            r"competitions?|contests?|workshops?|conferences?)\W*$", re.I)
# "two novel designs: (a) Zero-computation Experts, which ...; (b) Shortcut-connected MoE, ..."
# ("BlackVIP has two components; 1) Coordinator and 2) ...": a semicolon may stand for the colon)
# ("Core designs include: (1) ...")
_LIST_HEAD = Gated(re.compile(r"(?:components?|designs?|techniques?|innovations?|modules?|mechanisms?|strategies|"
                              r"characteristics)(?:\s+(?:include|includes|are))?\s*[:;]\s*", re.I), (":", ";"))
# "The implementation includes (i) ...", and any colon right before a numbered list ("two designs make it fast:
# (1) Linear DiT: ..."); searched only in sentences with an item mark
_NUMBERED_WORDS = ("1)", "(i)", "(a)")
_NUMBERED_HEAD = Gated(re.compile(r"(?<=\w):\s*(?=\(?1\.?\)\s)|\b[Ii]nclud(?:es?|ing)\s+(?=\(?(?:1|i|a)\.?\)\s)"),
                       _NUMBERED_WORDS)
_PART_LIST_NOUN = re.compile(r"(?:components?|designs?|techniques?|innovations?|modules?|mechanisms?|strategies|"
                             r"characteristics|implementations?)\b|includ", re.I)
_ITEM_SET_OUT = re.compile(r"(?:\s+for\s[^:.]{0,40})?:|,\s+(?:which|that)\b")
_NOT_PART_LIST = re.compile(r"\b(?:datasets?|benchmarks?|tasks?|axes|challenges?|limitations?|drawbacks?|observations?|"
                            r"insights?|questions?|operations)\b", re.I)
# "we further propose three new techniques, including memory-aware objective, self-matching and top-aggregation":
# a list the proposing verb introduces, its items unmarked
_INCLUDING_HEAD = Gated(re.compile(r"\b(?:propose|introduce|design|develop|present|devise)[sd]?\s+(?:[\w-]+\s+){0,5}?"
                                   r"(?:techniques|components|modules|mechanisms|designs)\s*,?\s+(?:including|namely)\s+"),
                        ("including", "namely"))
_UNMARKED_ITEM = re.compile(r"([a-z][\w-]*(?:\s[a-z][\w-]*){0,2}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+|\.?$)")
# "(a) Zero-computation Experts, which ...", "1.) The Memory Controller as ...", "(i) a ProbSparse self-attention mechanism, ..."
_LIST_ITEM = re.compile(r"\(?(?:[a-d1-4]|i{1,3}|iv)\.?\)\s*(?:(?:[Aa]n?|[Tt]he)\s+)?([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,3}?)"
                        r"(?=,|\s\(|\swhich|\sthat|\sas\s|;|\.|:|\sfor\s|\sand\s+\(?(?:[a-d1-4]|i{1,3}|iv)\.?\)|\s(?=[a-z]+s\s))")
# a list item in plain words names a part only when it ends in a part noun ("a parallel interaction module")
# (or a process named by its -ing word: "the self-attention distilling highlights ...")
_ITEM_HEAD = re.compile(r"(?:modules?|blocks?|layers?|units?|encoders?|decoders?|routers?|controllers?|attention|"
                        r"networks?|memor(?:y|ies)|[a-z]{3,}ing)$", re.I)
_LEAD_WORDS = frozenset("this that these our we it its however moreover specifically furthermore additionally finally then thus "
                        "here instead both each all such one two three".split())
# number formats ("the proposed FP8 format", "FP8-trained networks") are precisions, not methods
# ("FP8 Quantization": a format and what is done with it, the topic of a study)
_NUMBER_FORMAT = re.compile(r"(?:FP|INT|UINT|BF|MXFP|MXINT|NVFP)\d+(?:-[a-z]+)?(?:\s[A-Za-z]+)?$")
_NEW_METRICS = Gated(re.compile(r"\b(?:propose|introduce|define|present|design)[sd]?\s+(?:\w+\s+){0,2}?(?:new\s+|novel\s+)"
                                r"(?:evaluation\s+)?(?:metrics?|measures?|measurement tools?|indices|indexes|scores?)\b"),
                     ("metric", "measure", "indices", "indexes", "score"))
# a name given to a part of the method: "a newly proposed algorithm named X", "special tokens (we call X)"
_PART_NOUN = r"\b(?:algorithm|module|mechanism|component|block|layer|operator|unit|loss|kernel|token)s?"
_PART_NOUN_BEFORE = re.compile(_PART_NOUN + r"\s*[(,]?\s*$")
_NAMED_PART = Gated(re.compile(_PART_NOUN + r"\s*\(?\s*(?:we\s+call|called|named|dubbed|termed)\s+"),
                    ("call", "named", "dubbed", "termed"))
_PART_AFTER = re.compile(r"\)?\s*(?:component|module|mechanism|block|unit)s?\b")
_ITEM_MARK = re.compile(r"\(?(?:[a-d1-4]|i{1,3}|iv)\.?\)")
_ITEM_TAIL = re.compile(r"\s+(?:mechanism|method|approach|technique|scheme)$", re.I)
# "which leverages a novel 2D Spatial Perceiver": a Title-Case coinage after "a novel"
_NOVEL_NAME = Gated(re.compile(r"\b(?:a|an|the)\s+(?:novel|new|proposed)\s+((?:[A-Z0-9][\w-]*\s+){1,3}[A-Z][\w-]*)(?![\w-])"),
                    ("novel", "new", "proposed"))
_PART_WORDS = Gated(re.compile(r"\b(?:first|second|third|two|three|techniques?|components?|modules?|strateg(?:y|ies))\b", re.I),
                    ("first", "second", "third", "two", "three", "technique", "component", "module", "strateg"))
# (a stray apostrophe before the closing quote is lost typography: "windowing'")
_QUOTED = re.compile(r"[\"“]([A-Za-z][\w-]*(?:\s[\w-]+){0,3})['’]?[\"”]")
# a later sentence that introduces a named part: "we also propose cascade head pruning to ...",
# "we introduce the Stream Buffer technique that ...", "our Pattern-Aware LUT optimization ..."
# (asked of every sentence after the first proposing one: gated by the words its matches hold)
_PART_INTRO = Gated.auto(re.compile(
    r"\b(?:[Ww]e\s+(?:also\s+|further\s+|then\s+|additionally\s+)?(?:propose|introduce|design|develop|devise|present)[sd]?"
    r"|[Oo]ur)\s+(?:(?:a|an|the)\s+)?"
    r"(?:(?:novel|new|proposed|specialized|dedicated|simple|lightweight|highly|optimized|efficient|effective|custom|"
    r"straightforward|practical|fast|accurate|scalable|robust|principled|flexible|innovative|open-source|yet|and|but)\s+)*"
))
_USING_PART = Gated(re.compile(
    r"\b[Ww]e\s+[a-z]+\s+(?:it|this|them|these)\s+(?:using|via|through|with|by)\s+((?:[a-z][\w-]*\s+){0,2}[\w-]*?"
    r"(?:pruning|quantization|attention|normalization|caching|routing|merging|scheduling|bundling|windowing|offloading|"
    r"decoding|distillation|encoding|projection|compression|allocation|selection|retrieval|gating|prefetching|tiling))"
    r",\s+which\b"), (", which",))
# plain words that carry a part phrase on to its generic head: "Gaussian kernel| weighted merging |algorithm"
_RUN_ON = re.compile(r"((?:\s+(?!(?:to|that|which|for|with|in|on|of|and|or|by|as|is|are)\b)[a-z][\w-]*){1,3}?)\s+"
                     r"((?:method|technique|approach|strategy|mechanism|module|algorithm|scheme|variant|design|solution|"
                     r"procedure|operation)s?)\b")
_EXTEND = Gated(re.compile(first_char_groups(["extend", "generali[sz]e", "adapt"], word_start=True)
                           + r"\w*\s+(\S+)\s+to\s+([a-z][a-z0-9]*-[a-z][\w-]*)\b"),
                ("extend", "generali", "adapt"))
_CORE_UNIT = Gated(re.compile(
    r"\b(?:[Aa]t\s+(?:its|the)\s+core\s+(?:is|lies|sits)|[Aa]s\s+(?:the|its)\s+(?:basic|fundamental|core|central)\s+"
    r"(?:unit|building\s+block|abstraction),)\s+(?:a|an|the)\s+"), ("core", "basic", "fundamental", "central"))
_WORD_GOES_ON = re.compile(r"\.\d|-[A-Za-z0-9]")
_IN_URL = re.compile(r"(?:https?://|www\.)\S*$")
_INDEFINITE = re.compile(r"\b(?:a|an)\s", re.I)
_QUOTED_MODIFIER_BEFORE = re.compile(r"\b(?:a|an)\s*$", re.I)
_QUOTED_MODIFIER_AFTER = re.compile(r"\s+[a-z][\w-]*(?<!ly)\b")
_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)\s+$")
_GENERIC_TAIL = re.compile(r"(?:method|technique|approach|strategy|mechanism|module|framework|algorithm|scheme|"
                           r"optimization|principle|design|component|variant|system|model|recipe)s?$", re.I)
_PART_HEAD = re.compile(r"(?:pruning|quantization|attention|kernel|buffer|cache|caching|routing|merging|scheduling|"
                        r"bundling|windowing|offloading|decoding|distillation|sparsity|normalization|loss|encoding|"
                        r"projection|compression|allocation|selection|retrieval|fuser|mixer|gating|prefetching|"
                        r"tiling|chain|fusion)s?$", re.I)
# "It introduces an instance-dense retriever and a prototypical hypernetwork", "a framework that integrates state
# summarization mechanism together with cross-layer and cross-token attention": the method's sentence lists its parts
# ("a hybrid approach that combines Transformer-based attention with ...": what is combined is mostly known)
_HAS_PARTS = Gated(re.compile(r"\b(?:[Ii]t|which|that)\s+(?:introduces|integrates|incorporates|features|comprises)\s+"),
                   ("introduces", "integrates", "incorporates", "features", "comprises"))
# the nouns of a part that does one job ("an entropy-based router", "a prototypical hypernetwork")
_AGENT_NOUNS = (r"(?:retriever|router|encoder|decoder|manager|scheduler|allocator|controller|predictor|"
                r"estimator|selector|compressor|coordinator|planner|hypernetwork)s?")
_AGENT_HEAD = re.compile(_AGENT_NOUNS + "$", re.I)
# a part named by what it is ("state summarization mechanism"): the words before the noun are the name
_PART_SLOT = re.compile(r"\s+(?:mechanism|module|block|layer)s?\b")
_COORD = re.compile(r"\s*,?\s*(?:and|together with|as well as|along with)\s+(?:(?:a|an|the)\s+)?")
_BOTH_HYPHENATED = re.compile(r"\s+and\s+(?=[a-z]+-[a-z])")
# "which"/"that" lists the parts of the whole method ("a framework that integrates ..."), not of one of its
# parts ("a quantization algorithm that features rotation-assisted quantization and ...")
_WHOLE_BEFORE = re.compile(r"\b(?:framework|architecture|model|system|method|approach|pipeline|engine)\s*,?\s*$", re.I)
_LEAD_ARTICLE = re.compile(r"(?:(?:a|an|the)\s+)?(?:(?:novel|new)\s+)?")
_PLAIN_WORD = re.compile(r"[A-Za-z][\w-]*")
# a part as the subject of a sentence after the method's: "Simultaneously, Task-Relevant Token Selection dynamically
# preserves ...", "An entropy-based router adaptively selects ...": Title-Case words, or plain words ending in a
# part noun, then a verb (after an article or an opening adverb: a sentence's first word is capitalised anyway,
# "Although Transformer-based methods ...")
_SUBJECT_PART = re.compile(r"(?:[A-Z][a-z]+,\s+(?:(?:an?|the)\s+)?|(?:An?|The)\s+)((?:[A-Z][\w-]*\s+(?:(?:of|and|for)\s+)?){1,3}[A-Z][\w-]*"
                           r"|(?:[a-z][\w-]*\s+){1,2}" + _AGENT_NOUNS + r")\s+(?:[a-z]+ly\s+)?(?=[a-z]+s\b)")
_NOVEL_PART = Gated(re.compile(r"\b(?:a|an)\s+(?:novel|new)\s+(?:metric|module|component|mechanism|technique|strategy|"
                               r"algorithm|loss|block|layer|score|operator|unit|kernel|primitive)\s+(?:called\s+|named\s+|,\s*)?"),
                    ("novel", "new"))
_INTRODUCES = Gated(re.compile(r"\b(?:which|that)\s+(?:introduces|features|incorporates)\s+(?:(?:a|an|the)\s+)?(?:novel\s+|new\s+)?"),
                    ("introduces", "features", "incorporates"))
# an implementation on a device ("a high-performance GPU kernel") is not a named part
_DEVICE_IMPL = re.compile(r"\b(?:GPU|CPU|CUDA|Triton|FPGA)\b(?:[\s-]+\w+)?[\s-]+(?:kernels?|implementations?)$", re.I)
# an opening clause on what motivated the work ("Inspired by these insights, we have developed ...")
_MOTIVE_CLAUSE = re.compile(r"(?:Inspired|Motivated|Guided)\s+by\s+[^,;]{1,80},\s*")
# a sentence in which the authors build something ("we devised", "we have developed")
_WE_BUILT = re.compile(r"\b[Ww]e\s+(?:have\s+|also\s+|further\s+)?(?:devised|developed|designed|built|introduced?|proposed?)\b")
# the head nouns under which a part is proposed as an idea of its own
_IDEA_TAIL = re.compile(r"(?:approach|strategy|mechanism|technique)", re.I)
# plain modifier words and the head noun a part is proposed as ("a hierarchical sparse strategy to")
# ("a three-step approach", "an offline approach": how the method works, not a part; a longer run of plain
# words, "a merging set identification algorithm", describes one)
_TAILED = re.compile(r"((?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*\s+){1,2})(?:strategy|algorithm)(?=\s+(?:to|that|which|for)\b)")
# the sentence patterns of :func:`find_components` whose words most papers lack: each is asked of the
# sentences of a paper only where the paper's text holds them (a sentence is a piece of that text)
# "Our approach features two novel pipelines built for speed: a FooBar (FB) pipeline that ..., and an attention
# pipeline that ...": a count of parts, a colon, then each part under an article with a clause of its own
_COUNT_GATE = ("two ", "three ", "four ", "several ")  # (the space: "network" holds "two")
_COUNTED_COLON = Gated(re.compile(r"\b(?:two|three|four|several)\s+(?:[\w-]+\s+){0,3}?[a-z]+s\b[^:;.]{0,60}:\s+"), _COUNT_GATE)
_CLAUSE_ITEM = re.compile(r"(?:[Aa]nd\s+)?(?:[Aa]n?|[Tt]he)\s+((?:[\w-]+\s+){0,5}?[\w-]+)"
                          r"(?=\s+\(|\s+(?:that|which|to|for|enabled|with|where|whose)\b)")
# where the next item starts: after a semicolon, or a comma before an article
_CLAUSE_NEXT = re.compile(r";\s*|,\s+(?=(?:and\s+)?(?:an?|the)\s)")
_ACRONYM_THEN_NOUN = re.compile(r"\s+\(([A-Za-z][\w-]*)\)\s+([a-z][\w-]*)")
_COINED_PARTS = Gated(re.compile(
    r"\b[Ww]e\s+(?:also\s+|further\s+)?(?:propose|introduce|design|develop|present)[sd]?\s+(?:two|three|four)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"([A-Za-z][\w-]*(?:,\s+[A-Za-z][\w-]*)*,?\s+and\s+[A-Za-z][\w-]*)\s+[a-z]+s\b"), _COUNT_GATE)
# "FooNet incorporates two key techniques: A and B", "SirLM utilizes the Foo metric and a decay mechanism", "by
# incorporating subsampling, upsampling, and bypass modules", "which brings A, B, and C": the method's sentence lists
# its parts after the verb (read by :func:`_part_list`)
# (whole words where a stem would also find common ones: "consistent", "utilization")
_LIST_VERBS = ("incorporat", "integrates", "introduces", "features", "comprises", "comprising", "employs", "utilizes",
               "utilises", "combines", "brings", "consists of", "consisting of", "augments")
# (the verb is searched first, its subject read after: "it", "which", "that", "and", a coined name, "the architecture")
_LISTS_PARTS = Gated(re.compile(first_char_groups([
    r"incorporat(?:es|ing)", "integrates", "introduces", "features", "compris(?:es|ing)", "employs", r"utili[sz]es", "combines",
    "brings", r"consist(?:s|ing)\s+of", r"augments\s+the\s+[\w-]+\s+with"], word_start=True)
    + r"\s+(?:(?:two|three|four|several)\s+)?(?:(?:key|core|main|primary|novel|new)\s+)*"
      r"(?:(?:techniques|components|modules|parts|designs|innovations|pathways)\s*:\s*)?"), _LIST_VERBS)
_LIST_SUBJECT = re.compile(r"(?:\b(?:[Ii]t|which|that|and|[A-Z][\w-]*[A-Z][\w-]*|[Tt]he\s+(?:architecture|framework|model|system|"
                           r"design))\s+(?:also\s+|further\s+)?|\bby\s+)$")
# the list readers' patterns and their words, found in a paper with str.find (see find_components)
_LIST_GATES = ((_LISTS_PARTS, _LIST_VERBS), (_COUNTED_COLON, _COUNT_GATE), (_COINED_PARTS, _COUNT_GATE),
               (_NUMBERED_HEAD, _NUMBERED_WORDS))
_PAPER_GATED = (_NUMBERED_HEAD, _COUNTED_COLON, _COINED_PARTS, _LISTS_PARTS, _CORE_UNIT, _INCLUDING_HEAD, _PART_WORDS, _USING_PART, _NOVEL_NAME, _NAMED_PART, _HAS_PARTS,
                _INTRODUCES, _NOVEL_PART)
_ORDINALS = ("First,", "Second,", "Third,", "Fourth,", "Finally,", "Lastly,")
_ORDINAL_PART = re.compile(r"(?:First|Second|Third|Fourth|Finally|Lastly),\s+(?:an?|the)\s+(?:(?:novel|new|lightweight|simple)\s+)?")
_ORDINAL_SLOT = re.compile(r"((?:[a-z][\w-]*\s+){1,4}?[a-z][\w-]*)\s+(?:module|mechanism|block|layer|component)s?\b")
_PART_VERB = re.compile(r"\s+(?:is|are|aims?|serves?|enables?|allows?|helps?)\b")
_MODEL_SIZE_LEAD = re.compile(r"(?:sub-)?\d+(?:\.\d+)?[BMK](?:-|$)")
_PART_TOKEN = re.compile(r"[A-Za-z0-9@][\w@+.-]*[\w+]|[A-Za-z]")
_COUNT_WORDS = frozenset("two three four five six seven several multiple many various".split())
_PART_STOP = frozenset("""it them this these that their its our a an the method methods approach framework model models
    system technique techniques algorithm results experiments work paper study analysis evaluation findings
    contributions implementation code""".split())


def find_components(
    text: str,
    sentences: Sequence[Sentence],
    acronyms: Sequence[Acronym],
    methods: Sequence[FoundMethod],
    *,
    generic_shorts: frozenset[str],
    linked_shorts: frozenset[str],
    known: frozenset[str] = frozenset(),
    class_terms: frozenset[str] = frozenset(),
) -> list[tuple[str, int, int]]:
    """Named parts of the proposed method: ``(name, start, sentence)``; ``sentences`` are those of ``text``.

    ``known`` holds slugs of catalog things (models, datasets, hardware, field words) and
    ``class_terms`` the slugs of technique-class names: neither is ever a part of a method.
    """
    if not methods:
        return []
    # (a plural name's singular is the same method: "PHNNs" and "PHNN")
    method_keys = {slug(m.name) for m in methods} | {slug(m.name)[:-1] for m in methods if m.name.endswith("s")}
    first_sent = min(m.sentence for m in methods)
    # "We devised block fusion algorithms ... Our ConvFirst model with block-fusion kernels ...": a method the
    # title does not name may be named only after the sentence that builds its parts; that sentence holds parts
    pre = first_sent - 1 if first_sent >= 2 and not any(m.from_title for m in methods) \
        and _WE_BUILT.search(sentences[first_sent - 1].text) else -1
    generic = {slug(g) for g in generic_shorts} | {slug(g).rstrip("s") for g in generic_shorts}
    may = {g for g in _PAPER_GATED if g.may_match(text)}
    # the sentences that hold a word the list readers' patterns need (found with str.find in the lowercased
    # text: a regex search of the whole text, or of every sentence, for patterns that may open at common
    # letters cost more than all the rest of this function)
    low = lowered(text)  # (None for a text that is not ASCII: there every sentence is asked)
    hit_in = {g: (_sentences_with(low, sentences, words) if low is not None else {x.index for x in sentences})
              if g in may else set() for g, words in _LIST_GATES}
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()

    def in_long_form(start: int) -> bool:
        # "an algorithm called RObustifying Memory-Efficient NAS (ROME)": a word of an acronym's definition
        # is no part of its own (the acronym rule decides about the acronym)
        return any(a.start <= start < a.end for a in acronyms)

    # the abstract's first proposing sentence presents the whole method; its parts come after it
    # (or the sentence that presents the method with "This paper introduces ...")
    intro_sent = next((s.index for s in sentences[1:] if s.index >= first_sent and (
        _PART_INTRO.search(s.text) or _PROPOSE.search(s.text))), None)
    # what the abstract speaks of before it proposes or builds anything: the field and prior work
    own_from = min((i for i in (pre, intro_sent, first_sent) if i is not None and i >= 1), default=None)
    background = text[sentences[1].start : sentences[own_from].start] if own_from is not None else ""

    own_longs = {slug(a.long) for a in acronyms if slug(a.short) in method_keys}

    def add(name: str, start: int, si: int) -> None:
        key = slug(name)
        first = name.split(maxsplit=1)[0]
        if first.lower() in _COUNT_WORDS:
            return  # "three new attention mechanisms": how many things the paper offers, not a part's name
        if name_like(first) and first.strip("-+") not in generic_shorts and stands_alone(background, first.rstrip("s")):
            return  # "FooGEMM kernels are common ... we introduce a novel FooGEMM kernel": the task, no part's name
        if key.endswith("s") and key[:-1] in seen or key + "s" in seen:
            return  # "GMU" and "GMUs": one part
        if _MODEL_SIZE_LEAD.match(first):
            return  # "3B-parameter SLM": a size of a model, no part
        if key in own_longs:
            return  # "Parallel Yielding Re-Activation (PYRA)": the method's own long name
        if key and key not in seen and key not in method_keys and key not in known and key not in generic:
            seen.add(key)
            out.append((name, start, si))

    for a in acronyms:
        if slug(a.short) in method_keys or a.short in generic_shorts or a.short in linked_shorts:
            continue
        if (a.sentence < max(first_sent, 1) and a.sentence != pre) or _NOT_PART_LONG.search(a.long):
            continue
        sent = sentences[a.sentence]
        head = text[sent.start : a.start]
        names_method = any(m.name in sent.text for m in methods)
        # "Its Task Representation and Intent Management (TRIM) component models ...": named as a part
        named_part = bool(_PART_AFTER.match(text, a.end))
        # ("Inspired by these insights, we have developed an X (ACR)": an opening clause on what motivated the
        # work says nothing of the acronym)
        opening = _MOTIVE_CLAUSE.match(head)
        if _REUSE.search(head[max(len(head) - 60, opening.end() if opening else 0):]) \
                or not (_INTRO.search(head) or names_method or named_part):
            continue
        at = text.find(a.short, a.start, a.end + 1)
        add(a.short, at if at >= 0 else a.start, a.sentence)
    main_name = methods[0].name
    for name, at in implementations_of(text, main_name, sentences[1].start if len(sentences) > 1 else len(text)):
        add(name, at, _sentence_of(sentences, at))
    # "As the basic unit, a FooCube holds ...", "At its core is the FooCube, a ...": a coined name set out as
    # the method's basic unit or core
    for sent in sentences[1:] if _CORE_UNIT in may else ():
        if sent.index < first_sent:
            continue
        for cm in _CORE_UNIT.finditer(sent.text):
            nm = _PART_TOKEN.match(sent.text, cm.end())
            if nm and name_like(nm.group()) and not nm.group().isupper() and slug(nm.group()) not in class_terms \
                    and not any(k in slug(nm.group()) for k in method_keys):
                add(nm.group(), sent.start + nm.start(), sent.index)
    # "we also extend FooAttention to block-sparse attention ... block-sparse FooAttention": the extension,
    # named by the word the extension sentence gives it
    for ext in _EXTEND.finditer(text):
        if ext.group(1) != main_name:
            continue
        pos = text.find(f"{ext.group(2)} {main_name}")
        if pos >= 0 and not text[pos + len(ext.group(2)) + 1 + len(main_name):][:1].isalnum():
            add(f"{ext.group(2)} {main_name}", pos, _sentence_of(sentences, pos))
    for sent in sentences[1:]:
        if sent.index < first_sent and sent.index != pre:
            continue
        lh = _LIST_HEAD.search(sent.text) or (_NUMBERED_HEAD.search(sent.text) if sent.index in hit_in[_NUMBERED_HEAD] else None)
        if lh:
            if rx(r"\b(?:results?|findings?|benefits?|advantages?|contributions?)\b", re.I).search(sent.text[: lh.end()]):
                continue
            # a numbered list after other words lists parts only in a sentence on the method or its designs, not the
            # data, tasks or questions it is measured on ("three datasets ...: (1) FooDialog")
            if not _PART_LIST_NOUN.match(lh.group()) and (
                    not (any(m.name in sent.text[: lh.start()] for m in methods) or _PART_LIST_NOUN.search(sent.text, 0, lh.start()))
                    or _NOT_PART_LIST.search(sent.text, 0, lh.start())):
                continue
            # the list may run on into the next sentences ("... of the network. 2) A confidence ...";
            # "three modules: 1.)" split from its first item)
            segments = [(sent.text, sent.start, lh.end(), 0)]
            for later in sentences[sent.index + 1 : sent.index + 5]:
                prev_text = segments[-1][0]
                if _ITEM_MARK.match(later.text.lstrip()):
                    segments.append((later.text, later.start, 0, 0))
                elif rx(r"\(?(?:[a-d1-4]|i{1,3}|iv)\.?\)\s*$").search(prev_text):
                    segments.append(("(1) " + later.text, later.start, 0, 4))
                else:
                    break
            # (after other words than a part noun, an item names a part as a heading or with a clause on it:
            # "(1) Linear DiT: we ...", "(1) Prospective Reflection, which ...", not "(1) Profile Memory uses ...")
            headed_only = not _PART_LIST_NOUN.match(lh.group())
            items = [(it, seg_start - shift) for seg_text, seg_start, frm, shift in segments
                     for it in _LIST_ITEM.finditer(seg_text, frm)
                     if not headed_only or _ITEM_SET_OUT.match(seg_text, it.end(1))]
            for it, base in items:
                name = it.group(1).strip()
                if not name[:1].isupper() and not _ITEM_HEAD.search(name):
                    continue
                name = _ITEM_TAIL.sub("", name)
                first_word = name.split()[0].lower()
                # (a Title-Case pair may open with a field word: "Memory Controller"; so may a heading of a few
                # words, "(1) Deep compression autoencoder: ...", not one joining two things, "Fast training and sampling")
                words = name.split()
                heading = len(words) >= 2 and "and" not in words and it.string.startswith(":", it.end(1))
                stop = first_word in _STOP_NAMES and not ((heading or all(w[:1].isupper() for w in words))
                                                          and len(words) >= 2 and first_word not in _FUNCTION_WORDS | _LEAD_WORDS)
                if not stop and len(name) > 2 and slug(name) not in class_terms:
                    add(name, base + it.start(1), _sentence_of(sentences, base + it.start(1)))
        if _INCLUDING_HEAD in may and (ih := _INCLUDING_HEAD.search(sent.text)) is not None and not _REUSE.search(sent.text, 0, ih.start()):
            pos = ih.end()
            while (ui := _UNMARKED_ITEM.match(sent.text, pos)) is not None and ui.end() > pos:
                words = ui.group(1).split()
                if words[0] in _FUNCTION_WORDS or words[0] in _LEAD_WORDS or slug(ui.group(1)) in class_terms:
                    break
                add(ui.group(1), sent.start + ui.start(1), sent.index)
                pos = ui.end()
        if _PART_WORDS in may and _PART_WORDS.found(sent.text):
            for q in _QUOTED.finditer(sent.text):
                if _QUOTED_MODIFIER_BEFORE.search(sent.text, 0, q.start()) and _QUOTED_MODIFIER_AFTER.match(sent.text, q.end()):
                    continue  # 'a "near-optimal" training format': a quoted adjective, not a name
                add(q.group(1), sent.start + q.start(1), sent.index)
        # the intro sentence itself may present a part when the method was named before it (in the title)
        # and the sentence does not name it again: "we propose the novel cascade token pruning to ..."
        after_intro = sent.index == pre or (intro_sent is not None and sent.index > intro_sent)
        part_ok = after_intro or (intro_sent is not None and sent.index == intro_sent and first_sent < sent.index
                            and not any(m.name in sent.text for m in methods))
        if part_ok:
            for m in _PART_INTRO.finditer(sent.text):
                part = _part_phrase(sent.text, m.end())
                # "Furthermore, we propose a hierarchical sparse strategy to ...": after the sentence that
                # presents the method, what the authors propose besides is a part, named with its head noun
                tailed = part is None and after_intro and m.group()[:1] in "Ww"
                if tailed:
                    part = _tailed_part(sent.text, m.end())
                if part is None:
                    continue
                name, at = part
                key = slug(name)
                if key in class_terms or any(k in key for k in method_keys) \
                        or any(a.start < sent.start + at + len(name) and sent.start + at < a.end for a in acronyms):
                    continue  # a class name, a variant of the method, or an acronym's long form
                nxt = _NEXT_WORD.match(sent.text, at + len(name))
                if sent.index == intro_sent and nxt and _GENERIC_TAIL.fullmatch(nxt.group(1)):
                    continue  # "we propose a simple data selection strategy": the whole method, unnamed
                # "we propose a Gaussian kernel weighted merging algorithm": the phrase runs on to a generic
                # head, and the whole of it, in plain words under "a", describes rather than names
                run = _RUN_ON.match(sent.text, at + len(name))
                whole = name + (run.group(1) if run else "")
                # ("We propose a two-step routing approach to ...": after the sentence that presents the method, a
                # part-noun phrase proposed as an approach or strategy of its own is a part, not a description of it)
                later_idea = run is None and after_intro and nxt is not None \
                    and _IDEA_TAIL.fullmatch(nxt.group(1)) is not None
                if not tailed and described_part(whole, indefinite=bool(_INDEFINITE.search(m.group())) and not later_idea,
                                  tail=run.group(2) if run else (nxt.group(1) if nxt else ""),
                                  title=sentences[0].text, generic=generic_shorts):
                    continue
                # "our lightweight multi-scale attention" with "Lightweight Multi-Scale Attention" in the title:
                # the title's wording is the part's name, its adjective included
                lead = _WORD_BEFORE.search(sent.text, 0, at)
                if lead and f"{lead.group(1)} {name}".lower() in sentences[0].text.lower():
                    name, at = f"{lead.group(1)} {name}", lead.start(1)
                add(name, sent.start + at, sent.index)
        # "we alleviate it using edge normalization, which adds ...": a part named by what the paper does with it
        if _USING_PART in may and (sent.index > first_sent or (sent.index == first_sent and intro_sent is not None)):
            for um in _USING_PART.finditer(sent.text):
                name = um.group(1)
                key = slug(name)
                if key not in class_terms and not any(k in key for k in method_keys):
                    add(name, sent.start + um.start(1), sent.index)
        # "X, a framework that introduces CogniGraph, a ...": a coined part named by the method's own sentence;
        # "it integrates a novel metric Beyond@K": a coined name right after "a novel <part noun>"
        if _NOVEL_NAME in may and sent.index >= max(first_sent, 1):
            for nm2 in _NOVEL_NAME.finditer(sent.text):
                name = nm2.group(1)
                key = slug(name)
                if key not in class_terms and not any(k in key or key in k for k in method_keys) \
                        and not _GENERIC_TAIL.search(name):
                    add(name, sent.start + nm2.start(1), sent.index)
        if sent.index >= max(first_sent, 1):
            # "an algorithm named Tensorial Rank Incrementation (TRaIn)", "special tokens (we call VIP-tokens)"
            for nm3 in _NAMED_PART.finditer(sent.text) if _NAMED_PART in may else ():
                acr = next((a for a in acronyms if a.start == sent.start + nm3.end()), None)
                tok = _PART_TOKEN.match(sent.text, nm3.end())
                if acr is not None:
                    add(acr.short, text.find(acr.short, acr.start, acr.end + 1), sent.index)
                elif tok and name_like(tok.group()) and not any(k in slug(tok.group()) for k in method_keys):
                    add(tok.group(), sent.start + tok.start(), sent.index)
            for lp in _LISTS_PARTS.finditer(sent.text) if sent.index in hit_in[_LISTS_PARTS] else ():
                verb = lp.group().split()[0]
                subject, at_subject = "consisting", lp.start()  # "a framework consisting of A and B" needs no subject
                if verb not in ("consisting", "comprising"):
                    sm = _LIST_SUBJECT.search(sent.text, max(0, lp.start() - 40), lp.start())
                    if sm is None or verb.endswith("ing") != (sm.group().split()[0] == "by"):
                        continue  # "by incorporating A and B"; "It incorporates A and B"
                    subject, at_subject = sm.group().split()[0], sm.start()
                if subject in ("which", "that") and not (_WHOLE_BEFORE.search(sent.text, 0, at_subject) or any(
                        sent.text[:at_subject].rstrip(" ,)").endswith(m.name) for m in methods)):
                    continue
                if subject == "and" and not any(sent.text.startswith(m.name) for m in methods):
                    continue  # "FooNet leverages A and incorporates B and C": only in a sentence about the method
                if subject[:1].isupper() and subject not in ("It", "The") and slug(subject) not in method_keys:
                    continue  # a coined subject that is not the method: some other system's parts
                for name, at in _part_list(sent.text, lp.end(), generic_shorts):
                    key = slug(name)
                    if key not in class_terms and not any(k in key for k in method_keys):
                        add(name, sent.start + at, sent.index)
            for hp in _HAS_PARTS.finditer(sent.text) if _HAS_PARTS in may else ():
                if hp.group().split()[0] in ("which", "that") and not (_WHOLE_BEFORE.search(sent.text, 0, hp.start()) or any(
                        sent.text[: hp.start()].rstrip(" ,").endswith(m.name) for m in methods)):
                    continue
                lead = _LEAD_ARTICLE.match(sent.text, hp.end())
                pos = lead.end() if lead else hp.end()
                while (listed := _listed_part(sent.text, pos)) is not None:
                    name, at, pos = listed
                    key = slug(name)
                    if key not in class_terms and not any(k in key for k in method_keys):
                        add(name, sent.start + at, sent.index)
                    co = _COORD.match(sent.text, pos)
                    if co is None:
                        break
                    pos = co.end()
        # "Our approach centers on three innovations: a Foo mechanism that ...; a Bar embedding that ...": parts after a
        # count and a colon, each with its clause (in a sentence on the method, not on data or challenges)
        for cc in _COUNTED_COLON.finditer(sent.text) if sent.index in hit_in[_COUNTED_COLON] and sent.index >= max(first_sent, 1) \
                else ():
            before = sent.text[: cc.start()]
            if not (any(m.name in before for m in methods) or rx(r"\b(?:[Oo]ur|[Ii]t)\b").search(before)) \
                    or _NOT_PART_LIST.search(sent.text, 0, cc.end()):
                continue
            shorts = frozenset(a.short for a in acronyms if a.sentence == sent.index)
            for name, at in _clause_list(sent.text, cc.end(), shorts, generic_shorts):
                key = slug(name)
                if key not in class_terms and not any(k in key for k in method_keys):
                    add(name, sent.start + at, sent.index)
        # "We propose two novel parametric FooConv and FooLinear operations": coined parts proposed together
        for cp in _COINED_PARTS.finditer(sent.text) if sent.index in hit_in[_COINED_PARTS] and sent.index >= max(first_sent, 1) \
                else ():
            names = re.split(r",\s*(?:and\s+)?|\s+and\s+", cp.group(1))
            if all(name_like(n) for n in names):
                for n in names:
                    add(n, sent.start + cp.start(1) + cp.group(1).find(n), sent.index)
        # "First, an adaptive norm selection module is designed to ...; Second, a light progressive pruning module
        # aims to ...": the parts the method is set out in, one a sentence
        if sent.index > first_sent and sent.text.startswith(_ORDINALS) and (om := _ORDINAL_PART.match(sent.text)) is not None:
            slot = _ORDINAL_SLOT.match(sent.text, om.end())
            listed = (slot.group(1), slot.start(1), slot.end()) if slot else _listed_part(sent.text, om.end())
            if listed is not None and _PART_VERB.match(sent.text, listed[2]) \
                    and not any(w in _FUNCTION_WORDS or w in _PART_STOP for w in listed[0].split()):
                name, at, _end = listed
                key = slug(name)
                if key not in class_terms and not any(k in key for k in method_keys):
                    add(name, sent.start + at, sent.index)
        if sent.index > first_sent and (sp := _SUBJECT_PART.match(sent.text)) is not None:
            name = sp.group(1)
            key = slug(name)
            # ("the Outlier-Efficient Modern Hopfield Model retains ...": a whole model or framework, the method)
            if name.split()[0].lower() not in _STOP_NAMES and key not in class_terms and not _GENERIC_TAIL.search(name) \
                    and not any(k in key for k in method_keys) and not in_long_form(sent.start + sp.start(1)):
                add(name, sent.start + sp.start(1), sent.index)
        for m in [*(_INTRODUCES.finditer(sent.text) if _INTRODUCES in may else ()),
                  *(_NOVEL_PART.finditer(sent.text) if _NOVEL_PART in may else ())]:
            nm = _PART_TOKEN.match(sent.text, m.end())
            if nm and name_like(nm.group()) and slug(nm.group()) not in class_terms \
                    and not any(k in slug(nm.group()) for k in method_keys) and not in_long_form(sent.start + nm.start()):
                add(nm.group(), sent.start + nm.start(), sent.index)
    return out


_LIST_WORD = re.compile(r"[A-Za-z0-9][\w-]*[\w]|[A-Za-z]")
_LIST_JOIN = re.compile(r"\s*(?:;\s*(?:[Aa]nd\s+)?|,\s*(?:and\s+)?|\s+and\s+)(?:(?:[Aa]n?|[Tt]he)\s+)?")
_LIST_LEAD = re.compile(r"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?:novel|new|lightweight|simple)\s+)?")
# the words that end an item of a list of parts
_LIST_STOP = frozenset("to that which for with by in on of from and or as is are while where whose who via through the a an its their "
                       "our".split())
# plural part nouns that a list of one-word items shares ("subsampling, upsampling, and bypass modules")
_SHARED_HEAD = re.compile(r"(?:modules|blocks|layers|units|pipelines|heads|networks|mechanisms|operations)", re.I)
# part nouns that end an item of such a list ("a TDNN-based supernet", "convolutional channel mixer")
_LIST_HEAD_NOUN = re.compile(r"(?:modules?|blocks?|layers?|units?|pipelines?|supernets?|embeddings?|mixers?|metrics?|"
                             r"convolutions?|prefix|temperature|factor|gates?|heads?)$", re.I)
# a generic noun after a part's own name: dropped when the rest names the part ("TDNN-NAS algorithm",
# "statistically-enhanced prompting mechanism"), kept when the rest does not ("memory decay mechanism")
_LIST_TAIL = re.compile(r"(?:mechanism|architecture|framework|method|approach|algorithm|strategy|technique|scheme)$", re.I)


def _part_list(sentence: str, pos: int, generic: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """The parts a sentence lists at ``pos``: ``(name, start)`` for each, or [] when the list is no list of parts.

    The items are short phrases joined by commas, semicolons and "and"; one-word items share the plural part
    noun of the last ("subsampling, upsampling, and bypass modules"). Every item must name a part: a coined
    word, Title-Case words, or a phrase that ends in a part noun or carries one on to a generic noun.

    >>> _part_list("subsampling, upsampling, and bypass modules. The", 0)
    [('subsampling modules', 0), ('upsampling modules', 13), ('bypass modules', 29)]
    >>> _part_list("a TDNN-based supernet and a TDNN-NAS algorithm.", 0)
    [('TDNN-based supernet', 2), ('TDNN-NAS', 28)]
    >>> _part_list("the Token Rank metric and a memory decay mechanism to filter", 0)
    [('Token Rank metric', 4), ('memory decay mechanism', 28)]
    >>> _part_list("high accuracy and low latency.", 0)
    []
    """
    items: list[tuple[list[str], int]] = []
    lead = _LIST_LEAD.match(sentence, pos)
    pos = lead.end() if lead else pos
    while len(items) < 6:
        words: list[str] = []
        start = pos
        while len(words) < 5 and (m := _LIST_WORD.match(sentence, pos)) is not None and m.group().lower() not in _LIST_STOP:
            words.append(m.group())
            pos = m.end()
            if sentence[pos : pos + 1] != " " or sentence[pos + 1 : pos + 2] in ("(", ""):
                break
            pos += 1
        if not words:
            break
        pos = start + len(" ".join(words))
        items.append((words, start))
        join = _LIST_JOIN.match(sentence, pos)
        if join is None:
            break
        pos = join.end()
    if len(items) < 2:
        return []
    last = items[-1][0]
    if len(last) >= 2 and _SHARED_HEAD.fullmatch(last[-1]) and all(len(w) == 1 for w, _ in items[:-1]):
        items = [([*w, last[-1]], at) for w, at in items[:-1]] + [items[-1]]
    out: list[tuple[str, int]] = []
    for words, at in items:
        name = _part_items(words, generic)
        if name is None:
            return []
        out.append((name, at))
    return out


def _sentences_with(low: str, sentences: Sequence[Sentence], words: tuple[str, ...]) -> set[int]:
    """The indices of the sentences whose lowercased text (a piece of ``low``) holds one of ``words``."""
    out: set[int] = set()
    starts: list[int] | None = None
    for w in words:
        at = low.find(w)
        while at >= 0:
            if starts is None:
                starts = [x.start for x in sentences]
            out.add(sentences[max(bisect_right(starts, at) - 1, 0)].index)
            at = low.find(w, at + len(w))
    return out


def _part_items(words: list[str], generic: frozenset[str]) -> str | None:
    """The name of a part from the words of a list item, or None when they name none (see :func:`_part_list`)."""
    coined = any(name_like(w) and w.strip("-+") not in generic for w in words)
    framed = words[-1].lower() == "framework" and len(words) >= 3
    if _LIST_TAIL.fullmatch(words[-1]) and len(words) >= 2 and (coined or _head_noun(words[-2]) or words[-2].endswith("ing")
                                                                 or framed):
        words = words[:-1]  # ("a dynamic mixture-of-experts framework": a part, not a framework of its own)
    if words[0].lower() in _LEAD_WORDS or words[0].lower() in _PART_STOP or words[0].lower() in _COUNT_WORDS:
        return None
    titled = len(words) >= 2 and all(w[:1].isupper() for w in words)
    headed = len(words) >= 2 and (_head_noun(words[-1]) or _LIST_HEAD_NOUN.search(words[-1]) is not None
                                  or _LIST_TAIL.fullmatch(words[-1]) is not None or words[-1].endswith("ing"))
    return " ".join(words) if coined or titled or headed or framed else None


def _clause_list(sentence: str, pos: int, shorts: frozenset[str] = frozenset(),
                 generic: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """The parts listed after a colon at ``pos``, each under an article and described by a clause of its own:
    ``(name, start)``, or [] when an item names no part ("two pathways: a causal convolution to capture ...,
    and a parallel memory retrieval mechanism to ..."). An acronym defined inside an item stands for its
    long form ("a General Matrix Multiply (GEMM) pipeline" -> "GEMM pipeline"); ``shorts`` are the acronyms
    the sentence defines.

    >>> _clause_list("a causal convolution to mix, and a memory retrieval mechanism to recall.", 0)
    [('causal convolution', 2), ('memory retrieval', 35)]
    >>> _clause_list("a General Matrix Multiply (GEMM) pipeline that packs, and an attention pipeline that scores", 0,
    ...              frozenset({"GEMM"}))
    [('GEMM pipeline', 2), ('attention pipeline', 61)]
    """
    out: list[tuple[str, int]] = []
    end = len(sentence)
    while pos < end and (chunk := _CLAUSE_ITEM.match(sentence, pos)) is not None:
        nxt = _CLAUSE_NEXT.search(sentence, chunk.end())
        pos = nxt.end() if nxt else end
        start = chunk.start(1)
        words = chunk.group(1).split()
        if (tail := _ACRONYM_THEN_NOUN.match(sentence, chunk.end(1))) is not None:
            if tail.group(1) not in shorts:
                return []
            words = [tail.group(1), tail.group(2)]
        name = _part_items(words, generic) if len(words) <= 5 else None
        if name is None:
            return []
        out.append((name, start))
    return out if len(out) >= 2 else []


def _listed_part(sentence: str, pos: int) -> tuple[str, int, int] | None:
    """A part the method's sentence lists at ``pos``: ``(name, start, end)``, or None.

    Two to four plain words that end in a part noun ("prototypical hypernetwork", "cross-layer and
    cross-token attention") or stand before "mechanism"/"module" ("state summarization mechanism").

    >>> _listed_part("an instance-dense retriever and a hypernetwork", 3)
    ('instance-dense retriever', 3, 27)
    >>> _listed_part("state summarization mechanism together with", 0)
    ('state summarization', 0, 29)
    >>> _listed_part("cross-layer and cross-token attention, which", 0)
    ('cross-layer and cross-token attention', 0, 37)
    >>> _listed_part("the model weights", 4) is None
    True
    """
    words: list[str] = []
    start = pos
    while len(words) < 4:
        m = _PLAIN_WORD.match(sentence, pos)
        if m is None:
            return None
        w = m.group()
        if w.lower() in _FUNCTION_WORDS or w.lower() in _PART_STOP or w.lower() in _LEAD_WORDS:
            return None
        if not words:
            start = m.start()
        words.append(w)
        end = m.end()
        slot = _PART_SLOT.match(sentence, end)
        if _head_noun(w) or slot is not None:
            # ("a sparse attention module and ...": the noun of the slot ends the part's words)
            return (" ".join(words), start, slot.end() if slot else end) if len(words) >= 2 else None
        # "cross-layer and cross-token attention": two hyphenated modifiers of one head
        both = _BOTH_HYPHENATED.match(sentence, end) if "-" in w else None
        if both is not None:
            words.append("and")
            pos = both.end()
        elif sentence[end : end + 1] == " ":
            pos = end + 1
        else:
            return None
    return None  # no part noun within four words


def _head_noun(word: str) -> bool:
    """Does ``word`` end a part's name: a part noun ("pruning", "kernel") or a noun of a part that does one job ("manager")?"""
    return _PART_HEAD.fullmatch(word) is not None or _AGENT_HEAD.fullmatch(word) is not None


def _tailed_part(sentence: str, pos: int) -> tuple[str, int] | None:
    """A part named by one or two plain words and the head noun it is proposed as ("strategy",
    "algorithm"), the head kept: ``(name, start)``.

    >>> _tailed_part("we propose a hierarchical sparse strategy to reuse data", 13)
    ('hierarchical sparse strategy', 13)
    >>> _tailed_part("we propose a strategy to reuse data", 13) is None
    True
    """
    m = _TAILED.match(sentence, pos)
    if m is None or any(w.lower() in _FUNCTION_WORDS or w.lower() in _PART_STOP for w in m.group(1).split()):
        return None
    return m.group(0), m.start()


def _part_phrase(sentence: str, pos: int) -> tuple[str, int] | None:
    """The name of a part introduced at ``pos``: a coined name, or a short phrase ending in a part noun.

    >>> _part_phrase("we also propose cascade head pruning to remove heads", 16)
    ('cascade head pruning', 16)
    >>> _part_phrase("our Pattern-Aware LUT optimization identifies", 4)
    ('Pattern-Aware LUT', 4)
    >>> _part_phrase("we propose a dual approach that", 13) is None
    True
    """
    words: list[str] = []
    start = -1
    headed = False
    for m in _PART_TOKEN.finditer(sentence, pos):
        if words and sentence[pos : m.start()].strip():
            break  # punctuation between the words ends the phrase
        w = m.group()
        low = w.lower()
        if low in _FUNCTION_WORDS or low in _PART_STOP or low in ("to", "that", "which", "as", "where", "whose", "from"):
            break
        if _GENERIC_TAIL.fullmatch(w):
            break
        coined = bool(words) and (words[-1][:1].isupper() or name_like(words[-1]))
        if coined and w[:1].islower() and not _head_noun(w) and not ((nw := _NEXT_WORD.match(sentence, m.end()))
                                                                     and _head_noun(nw.group(1))):
            break  # "KOALA models", "LUT identifies": a coined name ends at a plain word ("CUDA memory manager" goes on)
        if start < 0:
            start = m.start()
        words.append(w)
        pos = m.end()
        if _head_noun(w):
            headed = True
            break
        if len(words) >= 4:
            break
    if not words:
        return None
    name = " ".join(words)
    if _DEVICE_IMPL.search(name):
        return None
    if _BAD_SUFFIX.search(words[-1]) or sentence[pos : pos + 2].strip().startswith("("):
        return None  # "FPGA-based ...", or an acronym definition (the acronym rule takes those)
    if headed and len(words) >= 2:
        return name, start
    if not headed and (any(name_like(w) for w in words) or (len(words) >= 2 and all(w[:1].isupper() for w in words))):
        return name, start
    return None
