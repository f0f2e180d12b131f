"""A grammar for model names: one model id for every spelling of a family, version, size and variant.

``Llama-2-7B``, ``LLaMA2 7B``, ``Llama 2 (7B)`` and ``llama-2-7b-hf`` are all ``model/llama-2-7b``;
``Mixtral 8x7B`` is ``model/mixtral-8x7b``; ``Qwen3-30B-A3B`` is ``model/qwen-3-30b-a3b`` with 30e9
total and 3e9 active parameters; ``ViT-B/16`` is ``model/vit-b-16``; a name without a size is the
version-level model (``model/gpt-4``). The name stems (``llama``, ``mixtral``, ``resnet``) and the
family each belongs to are in :data:`STEMS`; how a number after the stem reads (a version as in
``Llama 3``, a depth as in ``ResNet-50``) is a property of the stem.

>>> parse_model_name("LLaMA2 7B").id
'model/llama-2-7b'
>>> parse_model_name("Llama 2 (7B)").id
'model/llama-2-7b'
>>> parse_model_name("llama-2-7b-chat-hf").id
'model/llama-2-7b-chat'
>>> m = parse_model_name("Qwen2.5-7B-Instruct"); (m.id, m.family, m.params)
('model/qwen-2.5-7b-instruct', 'qwen', 7000000000.0)
>>> parse_model_name("Mixtral 8x7B").id, parse_model_name("DeepSeek-V3").id
('model/mixtral-8x7b', 'model/deepseek-v3')
>>> parse_model_name("ViT-B/16").id, parse_model_name("ResNet-50").id, parse_model_name("BERT-base").id
('model/vit-b-16', 'model/resnet-50', 'model/bert-base')
>>> [m.id for m in find_models("We test LLaMA-2 7B/13B and GPT-4.")]
['model/llama-2-7b', 'model/llama-2-13b', 'model/gpt-4']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from kg.ids import slug

NumberRole = Literal["version", "size", "none"]


@dataclass(frozen=True)
class Stem:
    """One name stem of the grammar (``llama``), the family it belongs to and how its names read."""

    key: str
    family: str
    arch: str
    numbers: NumberRole
    names: tuple[str, ...]
    named_sizes: bool = False
    case_sensitive: bool = False
    # a bare mention without version or size: link it ("model"), or leave it to other readers
    bare: bool = True
    vprefix: bool = False  # "MobileNetV2" keeps the "v" in its version


# key | family | arch | numbers | flags | spellings (comma separated; regex fragments allowed)
# flags: n = named sizes (base/large), c = case-sensitive, b = no bare link, v = keep a "v" prefix.
_STEM_TABLE = """
llama          | llama      | transformer | version | -   | Meta-Llama, Llama, LLaMA, LLaMa, LLAMA
code-llama     | llama      | transformer | version | -   | Code Llama, CodeLlama, Code-Llama
tinyllama      | llama      | transformer | version | -   | TinyLlama
vicuna         | llama      | transformer | version | -   | Vicuna
alpaca         | llama      | transformer | version | c   | Alpaca
mistral        | mistral    | transformer | version | c   | Mistral
mixtral        | mistral    | moe         | version | c   | Mixtral
qwen           | qwen       | transformer | version | -   | Qwen, QWen, QWEN
qwen-vl        | qwen       | transformer | version | -   | Qwen-VL
gemma          | gemma      | transformer | version | c   | Gemma
recurrentgemma | gemma      | hybrid      | version | -   | RecurrentGemma
phi            | phi        | transformer | version | cnb | Phi
gpt            | gpt        | transformer | version | cnb | GPT
gpt-neox       | gpt-neox   | transformer | version | -   | GPT-NeoX
gpt-neo        | gpt-neo    | transformer | version | -   | GPT-Neo
gpt-j          | gpt-j      | transformer | version | c   | GPT-J
chatgpt        | gpt        | transformer | none    | -   | ChatGPT
opt            | opt        | transformer | size    | c   | OPT
bloom          | bloom      | transformer | size    | c   | BLOOM, Bloom
falcon         | falcon     | transformer | version | c   | Falcon
pythia         | pythia     | transformer | size    | -   | Pythia
olmo           | olmo       | transformer | version | -   | OLMo
olmoe          | olmo       | moe         | version | -   | OLMoE
minicpm        | minicpm    | transformer | version | -   | MiniCPM, MiniCPM-V
internlm       | internlm   | transformer | version | -   | InternLM
internvl       | internvl   | transformer | version | -   | InternVL
chatglm        | glm        | transformer | version | -   | ChatGLM
glm            | glm        | transformer | version | c   | GLM
baichuan       | baichuan   | transformer | version | -   | Baichuan
yi             | yi         | transformer | version | cb  | Yi
deepseek       | deepseek   | transformer | none    | -   | DeepSeek
deepseek-moe   | deepseek   | moe         | none    | -   | DeepSeekMoE, DeepSeek-MoE
deepseek-coder | deepseek   | transformer | version | -   | DeepSeek-Coder
starcoder      | starcoder  | transformer | version | -   | StarCoder
granite        | granite    | transformer | version | c   | Granite
nemotron       | nemotron   | transformer | version | c   | Nemotron
nemotron-h     | nemotron   | hybrid      | none    | c   | Nemotron-H
falcon-h1      | falcon     | hybrid      | none    | c   | Falcon-H1
palm           | palm       | transformer | version | c   | PaLM
gemini         | gemini     | transformer | version | c   | Gemini
claude         | claude     | transformer | version | c   | Claude
mamba          | mamba      | ssm         | version | -   | Mamba
rwkv           | rwkv       | rnn         | version | c   | RWKV
xlstm          | xlstm      | rnn         | size    | -   | xLSTM
retnet         | retnet     | transformer | size    | c   | RetNet
jamba          | jamba      | hybrid      | version | c   | Jamba
zamba          | zamba      | hybrid      | version | c   | Zamba
hymba          | hymba      | hybrid      | version | c   | Hymba
griffin        | griffin    | hybrid      | size    | cb  | Griffin
t5             | t5         | transformer | size    | cn  | T5
flan-t5        | t5         | transformer | size    | n   | Flan-T5, FLAN-T5
mt5            | t5         | transformer | size    | cn  | mT5
bart           | bart       | transformer | size    | cn  | BART
bert           | bert       | transformer | size    | cn  | BERT
roberta        | bert       | transformer | size    | n   | RoBERTa
distilbert     | bert       | transformer | size    | n   | DistilBERT
tinybert       | bert       | transformer | size    | n   | TinyBERT
albert         | bert       | transformer | size    | cn  | ALBERT
deberta        | bert       | transformer | version | nv  | DeBERTa
electra        | electra    | transformer | size    | cn  | ELECTRA
modernbert     | bert       | transformer | size    | n   | ModernBERT
whisper        | whisper    | transformer | version | cn  | Whisper
wav2vec        | wav2vec    | transformer | version | -   | wav2vec, Wav2Vec
conformer      | conformer  | transformer | size    | cb  | Conformer
vit            | vit        | transformer | size    | cnb | ViT
deit           | deit       | transformer | size    | cn  | DeiT
swin           | swin       | transformer | version | cn  | Swin, Swin Transformer
convnext       | convnext   | cnn         | version | n   | ConvNeXt
resnet         | resnet     | cnn         | size    | -   | ResNet, Resnet
wide-resnet    | resnet     | cnn         | size    | -   | WideResNet, Wide-ResNet, WRN
resnext        | resnet     | cnn         | size    | -   | ResNeXt
vgg            | vgg        | cnn         | size    | c   | VGG, VGGNet
densenet       | densenet   | cnn         | size    | -   | DenseNet
mobilenet      | mobilenet  | cnn         | version | nv  | MobileNet
mobilevit      | mobilevit  | transformer | version | nv  | MobileViT
efficientnet   | efficientnet | cnn       | version | nv  | EfficientNet
shufflenet     | shufflenet | cnn         | version | nv  | ShuffleNet
squeezenet     | squeezenet | cnn         | version | v   | SqueezeNet
mnasnet        | mnasnet    | cnn         | size    | -   | MnasNet
alexnet        | alexnet    | cnn         | none    | -   | AlexNet
inception      | inception  | cnn         | version | cv  | Inception
regnet         | regnet     | cnn         | size    | c   | RegNet
yolo           | yolo       | cnn         | version | cv  | YOLO
u-net          | u-net      | cnn         | none    | cb  | U-Net, UNet
sam            | sam        | transformer | version | c   | SAM, Segment Anything Model, Segment Anything
clip           | clip       | transformer | version | c   | CLIP
llava          | llava      | transformer | version | -   | LLaVA, LLaVa, Llava
blip           | blip       | transformer | version | c   | BLIP
stable-diffusion | stable-diffusion | diffusion | version | n | Stable Diffusion, Stable-Diffusion
sdxl           | stable-diffusion | diffusion | none  | c   | SDXL
dit            | dit        | diffusion   | size    | cb  | DiT
pixart         | pixart     | diffusion   | version | -   | PixArt
flux           | flux       | diffusion   | version | c   | FLUX, Flux
sana           | sana       | diffusion   | version | cb  | Sana
wan            | wan        | diffusion   | version | cb  | Wan
"""


def _parse_table(table: str) -> tuple[Stem, ...]:
    stems = []
    for line in table.strip().splitlines():
        key, family, arch, numbers, flags, names = (c.strip() for c in line.split("|"))
        stems.append(
            Stem(
                key=key,
                family=family,
                arch=arch,
                numbers=numbers,  # type: ignore[arg-type]
                names=tuple(n.strip() for n in names.split(",")),
                named_sizes="n" in flags,
                case_sensitive="c" in flags,
                bare="b" not in flags,
                vprefix="v" in flags,
            )
        )
    return tuple(stems)


STEMS: tuple[Stem, ...] = _parse_table(_STEM_TABLE)
"""The name stems the grammar knows, each with its family and architecture class."""

_BY_SPELLING: dict[str, Stem] = {}
for _s in STEMS:
    for _n in _s.names:
        _BY_SPELLING.setdefault(_n.lower(), _s)

_SPELLINGS = sorted({n for s in STEMS for n in s.names}, key=len, reverse=True)
# One automaton over every stem spelling; the rest of a name is parsed from the match on.
_STEM_RE = re.compile(
    r"(?<![A-Za-z0-9])(" + "|".join(re.escape(n).replace(r"\ ", r"[\s-]?") for n in _SPELLINGS) + r")",
    re.IGNORECASE,
)

_NAMED_SIZES = (
    "xxl|xl|xs|base|large|small|medium|tiny|mini|nano|micro|huge|giant|lite|pro|ultra|flash|turbo|max|plus"
)
_VARIANTS = (
    "chat|instruct|it|base|coder|code|vl|vision|math|sft|rlhf|dpo|distill|preview|moe|deep|omni|reasoning"
)
_NUM = r"\d+(?:\.\d+)?"
_PARAM = rf"(?:({_NUM})\s?([BMKT])(?![A-Za-z0-9])|({_NUM})[\s-]?(billion|million)\b)"
_SEP = r"(?:\s?-\s?|_|\s)"

_VERSION_RE = re.compile(rf"(?:{_SEP}?[vV]\s?|{_SEP}?)(\d+(?:\.\d+)*)([a-z])?(?![\d.]*\s?(?:[BMKbmk](?![A-Za-z])|billion|million))(?![A-Za-z0-9])")
_VERSION_GLUED_LETTER_RE = re.compile(r"(\d+(?:\.\d+)*)(o|v)(?![A-Za-z0-9])")
_LETTER_VERSION_RE = re.compile(r"(?:-|\s)?([VRH])(\d+(?:\.\d+)?)(?![A-Za-z0-9])")
_MOE_SIZE_RE = re.compile(rf"{_SEP}?\(?\s?(\d+)\s?[x×]\s?({_NUM})\s?([BM])(?![A-Za-z0-9])", re.I)
_SIZE_RE = re.compile(rf"{_SEP}?\(?\s?{_PARAM}", re.I)
_ACTIVE_RE = re.compile(rf"(?:-|\s|/)?A({_NUM})B(?![A-Za-z0-9])")
_PATCH_RE = re.compile(r"(?:-|\s)([BSLHGT]i?|[bslhgt])/(\d{1,2})(?![A-Za-z0-9])")
_LETTER_SIZE_RE = re.compile(r"(?:-|\s)?([BSLMHT]\d?|B[0-7]|L2)(?![A-Za-z0-9/])")
_NAMED_SIZE_RE = re.compile(rf"(?:-|\s|_)?\(?({_NAMED_SIZES})\)?(?![A-Za-z0-9])", re.I)
_DEPTH_RE = re.compile(r"(?:-|\s)?(\d{1,3})(?![\d.]*\s?(?:[BMKbmk](?![A-Za-z])|billion|million|%))(?![A-Za-z0-9.])")
_YOLO_SIZE_RE = re.compile(r"([nsmlx])(?![A-Za-z0-9])")
_VARIANT_RE = re.compile(rf"(?:-|_|\s)({_VARIANTS}|hf)(?![A-Za-z0-9])", re.I)
_CLOSE_RE = re.compile(r"\s?\)")
_MORE_SIZES_RE = re.compile(rf"(\s?(?:/|,|and|&|or|to)\s?(?:and\s)?)(?:{re.escape('')})?\(?{_PARAM}")
_MORE_MOE_RE = re.compile(rf"(\s?(?:/|,|and|&|or|to)\s?)(\d+)\s?[x×]\s?({_NUM})\s?([BM])(?![A-Za-z0-9])", re.I)

_GLUED_WORD = re.compile(r"-(?:like|style|inspired|type|esque|ish)\b", re.I)

_LETTER_VERSIONED = frozenset({"deepseek", "falcon-h1", "qwen", "nemotron-h", "deepseek-coder"})
_YOLO_RE = re.compile(r"[vV]?(\d+)([nsmlx])?(?![A-Za-z0-9])")

_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12, "million": 1e6, "billion": 1e9}


@dataclass(frozen=True)
class ModelName:
    """A parsed model name and where it was found."""

    stem: str
    family: str
    arch: str
    version: str = ""
    size: str = ""
    variant: str = ""
    params: float | None = None
    active_params: float | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    bare: bool = field(default=False, compare=False)

    @property
    def id(self) -> str:
        """``model/<stem>[-<version>]-<size>[-<variant>]`` (docs/conventions.md)."""
        parts = [self.stem, self.version, self.size, self.variant]
        return "model/" + "-".join(slug(p) for p in parts if p)

    @property
    def family_id(self) -> str:
        return f"family/{self.family}"

    @property
    def name(self) -> str:
        """A readable canonical name, e.g. ``Llama 2 7B chat``."""
        stem = next(s.names[0] for s in STEMS if s.key == self.stem)
        stem = stem.replace("Meta-", "")
        return " ".join(p for p in (stem, self.version, self.size.upper() if self.params else self.size, self.variant) if p)

    def props(self) -> dict[str, str | float]:
        """Entity properties (no empty values)."""
        out: dict[str, str | float] = {"family": self.family, "architecture": self.arch}
        for k, v in (("version", self.version), ("size", self.size), ("variant", self.variant)):
            if v:
                out[k] = v
        if self.params is not None:
            out["params"] = self.params
        if self.active_params is not None:
            out["active_params"] = self.active_params
        return out


def _params(num: str, unit: str) -> float:
    return round(float(num) * _SCALE[unit.lower()], 0)


def _size_text(num: str, unit: str) -> str:
    unit = unit.lower()
    return f"{num}{ {'million': 'm', 'billion': 'b'}.get(unit, unit) }"


def _match_stem(text: str, m: re.Match[str]) -> Stem | None:
    surface = m.group(1)
    key = re.sub(r"[\s-]+", " ", surface.lower())
    stem = _BY_SPELLING.get(surface.lower()) or next(
        (s for s in STEMS for n in s.names if re.sub(r"[\s-]+", " ", n.lower()) == key), None
    )
    if stem is None:
        return None
    if stem.case_sensitive and not any(
        re.sub(r"[\s-]+", " ", n) == re.sub(r"[\s-]+", " ", surface) for n in stem.names
    ):
        return None
    return stem


def _parse_tail(text: str, pos: int, stem: Stem) -> tuple[dict[str, object], int, list[tuple[str, float | None, float | None, int, int]]]:
    """Parse version, size and variant after a stem; returns fields, end and extra listed sizes."""
    f: dict[str, object] = {}
    end = pos
    extra: list[tuple[str, float | None, float | None, int, int]] = []

    # -- version
    lm = _LETTER_VERSION_RE.match(text, end)
    if lm and (stem.key in _LETTER_VERSIONED or (stem.vprefix and lm.group(1) == "V")):
        # DeepSeek-V3, DeepSeek-R1, Falcon-H1; MobileNetV2 keeps its "v"
        f["version"] = lm.group(1).lower() + lm.group(2)
        end = lm.end()
    elif stem.key == "yolo":
        ym = _YOLO_RE.match(text, end)
        if ym:
            f["version"] = "v" + ym.group(1)
            if ym.group(2):
                f["size"] = ym.group(2)
            end = ym.end()
    elif stem.numbers == "version":
        vm = _VERSION_RE.match(text, end)
        gm = _VERSION_GLUED_LETTER_RE.match(text, end + (1 if text[end : end + 1] in ("-", " ") else 0))
        if stem.key == "gpt" and gm:  # GPT-4o, GPT-4v
            f["version"] = gm.group(1) + gm.group(2)
            end = gm.end()
        elif vm:
            f["version"] = ("v" if stem.vprefix else "") + vm.group(1) + (vm.group(2) or "")
            end = vm.end()

    # -- size
    if "size" not in f:
        mm = _MOE_SIZE_RE.match(text, end)
        sm = _SIZE_RE.match(text, end) if not mm else None
        if mm:
            f["size"] = f"{mm.group(1)}x{mm.group(2)}{mm.group(3).lower()}"
            end = mm.end()
            for more in _MORE_MOE_RE.finditer(text, end):
                if more.start() != end:
                    break
                extra.append((f"{more.group(2)}x{more.group(3)}{more.group(4).lower()}", None, None,
                              more.start() + len(more.group(1)), more.end()))
                end = more.end()
        elif sm:
            num, unit = (sm.group(1), sm.group(2)) if sm.group(1) else (sm.group(3), sm.group(4))
            f["size"] = _size_text(num, unit)
            f["params"] = _params(num, unit)
            end = sm.end()
            am = _ACTIVE_RE.match(text, end)
            if am:
                f["size"] = f"{f['size']}-a{am.group(1)}b"
                f["active_params"] = _params(am.group(1), "b")
                end = am.end()
            # "7B/13B/70B", "7B, 13B and 70B": one model per listed size
            while True:
                more = _MORE_SIZES_RE.match(text, end)
                if not more:
                    break
                num2, unit2 = (more.group(2), more.group(3)) if more.group(2) else (more.group(4), more.group(5))
                extra.append((_size_text(num2, unit2), _params(num2, unit2), None,
                              more.start() + len(more.group(1)), more.end()))
                end = more.end()
        elif stem.key in ("vit", "deit", "clip") and (pm := _PATCH_RE.match(text, end)):
            f["size"] = f"{pm.group(1).lower()}-{pm.group(2)}"
            end = pm.end()
        elif stem.numbers == "size" and (dm := _DEPTH_RE.match(text, end)) and stem.key not in ("opt", "bloom", "pythia", "xlstm", "t5", "bart", "bert", "griffin", "conformer", "retnet", "dit"):
            f["size"] = dm.group(1)
            end = dm.end()
            if stem.key == "wide-resnet" and (wm := re.compile(r"-(\d{1,2})(?![\d])").match(text, end)):
                f["size"] = f"{f['size']}-{wm.group(1)}"
                end = wm.end()
        elif stem.key in ("efficientnet",) and (em := re.compile(r"(?:-|\s)?(B[0-7]|L2|S|M|L)(?![A-Za-z0-9])").match(text, end)):
            f["size"] = em.group(1).lower()
            end = em.end()
        elif stem.key in ("vit", "deit", "swin", "convnext", "dit", "mobilevit") and (lm2 := _LETTER_SIZE_RE.match(text, end)) and lm2.group(0)[:1] in "- ":
            f["size"] = lm2.group(1).lower()
            end = lm2.end()
        elif stem.named_sizes and (nm := _NAMED_SIZE_RE.match(text, end)) and nm.group(0)[:1] in "-_ (":
            f["size"] = nm.group(1).lower()
            end = nm.end()
        cm = _CLOSE_RE.match(text, end)
        if cm and "(" in text[pos:end]:
            end = cm.end()

    # -- variants ("-chat", "-Instruct"; "-hf" is a packaging suffix and is dropped)
    variants: list[str] = []
    while True:
        vm2 = _VARIANT_RE.match(text, end)
        if not vm2:
            break
        word = vm2.group(1).lower()
        sep = vm2.group(0)[0]
        # After a space only the unambiguous words count ("Llama 2 chat"), not "Llama 2 base model".
        if sep == " " and word not in ("chat", "instruct", "coder"):
            break
        if word == "base" and stem.named_sizes and "size" not in f:
            f["size"] = "base"
        elif word != "hf":
            variants.append(word)
        end = vm2.end()
    if variants:
        f["variant"] = "-".join(variants)
    return f, end, extra


def _build(stem: Stem, f: dict[str, object], start: int, end: int, text: str) -> ModelName:
    return ModelName(
        stem=stem.key,
        family=stem.family,
        arch=stem.arch,
        version=str(f.get("version", "")),
        size=str(f.get("size", "")),
        variant=str(f.get("variant", "")),
        params=f.get("params"),  # type: ignore[arg-type]
        active_params=f.get("active_params"),  # type: ignore[arg-type]
        start=start,
        end=end,
        text=text[start:end],
        bare=not (f.get("version") or f.get("size")),
    )


def find_models(text: str, start: int = 0, end: int | None = None) -> Iterator[ModelName]:
    """Every model name in ``text[start:end]``, in order; listed sizes give one model each."""
    stop = len(text) if end is None else end
    pos = start
    while True:
        m = _STEM_RE.search(text, pos, stop)
        if not m:
            return
        stem = _match_stem(text, m)
        if stem is None:
            pos = m.end()
            continue
        f, tail_end, extra = _parse_tail(text, m.end(), stem)
        # A word glued after the name ("Mambaformer", "Llama-like") makes it another word.
        if tail_end == m.end() and (_GLUED_WORD.match(text, tail_end) or (tail_end < len(text) and text[tail_end].isalnum())):
            pos = m.end()
            continue
        first_end = tail_end if not extra else extra[0][3] - 1
        first_end = min(tail_end, max(first_end, m.end()))
        model = _build(stem, f, m.start(), tail_end if not extra else _first_end(text, m.start(), extra), text)
        yield model
        for size, params, active, s, e in extra:
            f2 = dict(f)
            f2["size"], f2["params"], f2["active_params"] = size, params, active
            yield _build(stem, f2, s, e, text)
        pos = max(tail_end, m.end())


def _first_end(text: str, start: int, extra: list[tuple[str, float | None, float | None, int, int]]) -> int:
    # the first model of a list ends where the separator before the second size begins
    cut = extra[0][3]
    head = text[start:cut]
    stripped = re.sub(r"(\s?(?:/|,|and|&|or|to)\s?(?:and\s)?\(?)$", "", head)
    return start + len(stripped)


def parse_model_name(name: str) -> ModelName:
    """Parse one model name; raises ``ValueError`` when no known stem starts it."""
    for model in find_models(name):
        if model.start == 0 or not name[: model.start].strip():
            return model
        break
    raise ValueError(f"not a model name: {name!r}")


def family_of(model_id: str) -> str | None:
    """The family id for a model id made by this grammar (``model/llama-2-7b`` -> ``family/llama``)."""
    rest = model_id.split("/", 1)[-1]
    best = None
    for s in STEMS:
        if rest == s.key or rest.startswith(s.key + "-"):
            if best is None or len(s.key) > len(best.key):
                best = s
    return f"family/{best.family}" if best else None
