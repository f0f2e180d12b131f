"""Catalog data the mapper links to: datasets and benchmarks, extra model families, named hardware.

This module is the one source of the catalog files ``ontology/datasets.ttl``,
``ontology/models.ttl`` and ``ontology/hardware.ttl``: :func:`render_datasets`,
:func:`render_models` and :func:`render_hardware` write them, and a test checks that the
committed files equal the rendering, so the Python tables and the Turtle never drift apart.

Each dataset entry is ``id slug | display name | task | aliases``; aliases are lexicon terms
(``{a|b}`` alternatives allowed). Names that are also ordinary words ("MATH", "Pile", "ARC") are
matched only with their exact capitalisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from loaders.mapping.text import rx


@dataclass(frozen=True)
class DatasetEntry:
    id: str
    name: str
    task: str
    aliases: tuple[str, ...]


_DATASETS = """
imagenet | ImageNet | image classification | ImageNet, ImageNet-1K, ImageNet-1k, ImageNet1K, ILSVRC, ILSVRC-2012, ILSVRC2012, ImageNet-2012
imagenet-21k | ImageNet-21K | image classification | ImageNet-21K, ImageNet-21k, ImageNet-22K, ImageNet-22k
imagenet-vid | ImageNet VID | video object detection | ImageNet VID, ImageNet-VID, ImageNetVID
tiny-imagenet | Tiny ImageNet | image classification | Tiny-ImageNet, Tiny ImageNet, TinyImageNet
cifar-10 | CIFAR-10 | image classification | CIFAR-10, CIFAR10, CIFAR 10
cifar-100 | CIFAR-100 | image classification | CIFAR-100, CIFAR100, CIFAR 100
mnist | MNIST | image classification | MNIST
fashion-mnist | Fashion-MNIST | image classification | Fashion-MNIST, FashionMNIST
emnist | EMNIST | image classification | EMNIST
svhn | SVHN | image classification | SVHN
stl-10 | STL-10 | image classification | STL-10, STL10
places-365 | Places365 | scene classification | Places365, Places-365
flowers | Oxford Flowers | image classification | Flowers, Flowers-102, Flowers102, Oxford Flowers, Oxford-Flowers
fgvc-aircraft | FGVC-Aircraft | image classification | FGVC-Aircraft, FGVC Aircraft
stanford-cars | Stanford Cars | image classification | Stanford Cars, StanfordCars
vtab | VTAB | transfer learning | VTAB, VTAB-1k, VTAB-1K
coco | COCO | detection and segmentation | COCO, MS-COCO, MSCOCO, MS COCO
lvis | LVIS | detection | LVIS
pascal-voc | PASCAL VOC | detection and segmentation | PASCAL VOC, Pascal VOC, VOC2012, VOC2007, VOC 2012
ade20k | ADE20K | semantic segmentation | ADE20K, ADE20k, ADE-20K
cityscapes | Cityscapes | semantic segmentation | Cityscapes
kitti | KITTI | driving perception | KITTI
nuscenes | nuScenes | 3d detection | nuScenes
waymo | Waymo Open Dataset | 3d detection | Waymo Open Dataset, Waymo
sintel | MPI Sintel | optical flow | Sintel, MPI-Sintel, MPI Sintel
flyingchairs | FlyingChairs | optical flow | FlyingChairs, Flying Chairs
kinetics-400 | Kinetics-400 | video classification | Kinetics-400, Kinetics400, K400
kinetics-600 | Kinetics-600 | video classification | Kinetics-600, Kinetics600, K600
kinetics | Kinetics | video classification | Kinetics
something-something-v2 | Something-Something V2 | video classification | Something-Something V2, Something-Something-V2, SSv2, SSV2
moments-in-time | Moments in Time | video classification | Moments in Time
charades | Charades | video understanding | Charades
ucf-101 | UCF101 | video classification | UCF101, UCF-101
davis | DAVIS | video segmentation | DAVIS, DAVIS 2017, DAVIS-2017
mose | MOSE | video segmentation | MOSE
lvos | LVOS | video segmentation | LVOS
sa-v | SA-V | video segmentation | SA-V
sa-1b | SA-1B | image segmentation | SA-1B
youtube-vos | YouTube-VOS | video segmentation | YouTube-VOS, YouTubeVOS
video-mme | Video-MME | video understanding | Video-MME, VideoMME
mvbench | MVBench | video understanding | MVBench
egoschema | EgoSchema | video understanding | EgoSchema
activitynet | ActivityNet | video understanding | ActivityNet, ActivityNet-QA
msrvtt | MSR-VTT | video understanding | MSR-VTT, MSRVTT
brats | BraTS | medical segmentation | BraTS
breakhis | BreakHis | medical image classification | BreakHis
glue | GLUE | language understanding | GLUE
superglue | SuperGLUE | language understanding | SuperGLUE
squad | SQuAD | question answering | SQuAD, SQuAD v1.1, SQuAD v2.0, SQuAD2.0
mnli | MNLI | natural language inference | MNLI, MultiNLI
sst-2 | SST-2 | sentiment classification | SST-2, SST2
mmlu | MMLU | knowledge benchmark | MMLU
mmlu-pro | MMLU-Pro | knowledge benchmark | MMLU-Pro
gsm8k | GSM8K | math reasoning | GSM8K, GSM-8K, GSM8k
math | MATH | math reasoning | MATH
math500 | MATH500 | math reasoning | MATH500, MATH-500
aime | AIME | math reasoning | AIME
aime24 | AIME 2024 | math reasoning | AIME24, AIME 2024, AIME-2024, AIME2024
aime25 | AIME 2025 | math reasoning | AIME25, AIME 2025, AIME-2025, AIME2025
amc | AMC | math reasoning | AMC, AMC23
gpqa | GPQA | science QA | GPQA, GPQA-Diamond, GPQA Diamond
humaneval | HumanEval | code generation | HumanEval
humaneval-plus | HumanEval+ | code generation | HumanEval+, HumanEvalPlus, HumanEval-Plus
mbpp | MBPP | code generation | MBPP
mbpp-plus | MBPP+ | code generation | MBPP+
apps | APPS | code generation | APPS
livecodebench | LiveCodeBench | code generation | LiveCodeBench
swe-bench | SWE-bench | software engineering | SWE-bench, SWE-Bench
codecontests | CodeContests | code generation | CodeContests
effibench | EffiBench | code efficiency | EffiBench
effibench-x | EffiBench-X | code efficiency | EffiBench-X
mercury | Mercury | code efficiency | Mercury
ds-1000 | DS-1000 | code generation | DS-1000
bigcodebench | BigCodeBench | code generation | BigCodeBench
hellaswag | HellaSwag | commonsense reasoning | HellaSwag
piqa | PIQA | commonsense reasoning | PIQA
winogrande | WinoGrande | commonsense reasoning | WinoGrande, Winogrande
arc | ARC | science QA | ARC
arc-easy | ARC-Easy | science QA | ARC-Easy, ARC-e, ARC Easy
arc-challenge | ARC-Challenge | science QA | ARC-Challenge, ARC-c, ARC Challenge
boolq | BoolQ | question answering | BoolQ
openbookqa | OpenBookQA | question answering | OpenBookQA, OBQA
siqa | SIQA | commonsense reasoning | SIQA, Social IQA, SocialIQA
commonsenseqa | CommonsenseQA | commonsense reasoning | CommonsenseQA
lambada | LAMBADA | language modeling | LAMBADA
triviaqa | TriviaQA | question answering | TriviaQA
natural-questions | Natural Questions | question answering | Natural Questions, NaturalQuestions, NQ
hotpotqa | HotpotQA | question answering | HotpotQA, HotPotQA
ms-marco | MS MARCO | passage retrieval | MS MARCO, MS-MARCO, MSMARCO
beir | BEIR | retrieval | BEIR
truthfulqa | TruthfulQA | truthfulness | TruthfulQA
bbh | BIG-Bench Hard | reasoning | BBH, BIG-Bench Hard, Big-Bench Hard
big-bench | BIG-bench | reasoning | BIG-Bench, BIG-bench, BigBench
drop | DROP | reading comprehension | DROP
ifeval | IFEval | instruction following | IFEval
mt-bench | MT-Bench | chat evaluation | MT-Bench, MT-bench, MTBench
alpaca-eval | AlpacaEval | chat evaluation | AlpacaEval, AlpacaEval 2.0, AlpacaEval2, Alpaca-Eval
arena-hard | Arena-Hard | chat evaluation | Arena-Hard, ArenaHard
vicuna-bench | Vicuna Bench | chat evaluation | Vicuna Bench, Vicuna-Bench
koala | Koala test set | chat evaluation | Koala
self-instruct | Self-Instruct | instruction data | Self-Instruct
wizardlm | WizardLM test set | instruction data | WizardLM
alpaca | Alpaca | instruction data | Alpaca, Alpaca-52K, Alpaca 52K
sharegpt | ShareGPT | conversations | ShareGPT
dolly | Dolly | instruction data | Dolly, Dolly-15k
ultrachat | UltraChat | conversations | UltraChat
wikitext-2 | WikiText-2 | language modeling | WikiText-2, WikiText2, Wikitext-2, Wikitext2, WikiText 2, WikiText
wikitext-103 | WikiText-103 | language modeling | WikiText-103, WikiText103, Wikitext-103
c4 | C4 | pretraining corpus | C4
ptb | Penn Treebank | language modeling | PTB, Penn Treebank, Penn TreeBank
pile | The Pile | pretraining corpus | The Pile, Pile
redpajama | RedPajama | pretraining corpus | RedPajama, SlimPajama
fineweb | FineWeb | pretraining corpus | FineWeb, FineWeb-Edu
openwebtext | OpenWebText | pretraining corpus | OpenWebText
pg-19 | PG-19 | long-context language modeling | PG-19, PG19
longbench | LongBench | long-context benchmark | LongBench, LongBench-E
longbench-v2 | LongBench v2 | long-context benchmark | LongBench v2, LongBench-v2, LongBenchV2
zeroscrolls | ZeroSCROLLS | long-context benchmark | ZeroSCROLLS, ZeroScrolls, ZeroScroll, Zero-SCROLLS
scrolls | SCROLLS | long-context benchmark | SCROLLS
ruler | RULER | long-context benchmark | RULER
infinitebench | InfiniteBench | long-context benchmark | InfiniteBench, Infinite-Bench, InfiniteBench, ∞Bench
needle-in-a-haystack | Needle-in-a-Haystack | long-context retrieval | Needle-in-a-Haystack, Needle in a Haystack, Needle-In-A-Haystack, NIAH, needle-in-a-haystack
babilong | BABILong | long-context reasoning | BABILong
l-eval | L-Eval | long-context benchmark | L-Eval
loogle | LooGLE | long-context benchmark | LooGLE
mm-niah | MM-NIAH | multimodal long context | MM-NIAH
scbench | SCBench | long-context benchmark | SCBench
long-range-arena | Long Range Arena | long-sequence benchmark | Long Range Arena, Long-Range Arena, LRA
path-x | Path-X | long-sequence benchmark | Path-X
path-256 | Path-256 | long-sequence benchmark | Path-256, Path256
wmt | WMT | machine translation | WMT, WMT14, WMT16, WMT19, WMT'14, WMT 2014
iwslt | IWSLT | machine translation | IWSLT, IWSLT14, IWSLT'14
flores | FLORES | machine translation | FLORES, FLORES-200, FLORES-101
cnn-dailymail | CNN/DailyMail | summarization | CNN/DailyMail, CNN-DailyMail, CNN/DM, CNNDM
xsum | XSum | summarization | XSum
librispeech | LibriSpeech | speech recognition | LibriSpeech, Librispeech
common-voice | Common Voice | speech recognition | Common Voice, CommonVoice
voxceleb | VoxCeleb | speaker recognition | VoxCeleb, VoxCeleb1, VoxCeleb2
speech-commands | Speech Commands | keyword spotting | Speech Commands, Google Speech Commands
audioset | AudioSet | audio classification | AudioSet
esc-50 | ESC-50 | audio classification | ESC-50
wsj0-2mix | WSJ0-2mix | speech separation | WSJ0-2mix, WSJ0-2Mix, wsj0-2mix
musdb18 | MUSDB18 | music source separation | MUSDB18, MUSDB
ljspeech | LJSpeech | text to speech | LJSpeech, LJ Speech
vqav2 | VQAv2 | visual question answering | VQAv2, VQA v2, VQA-v2
textvqa | TextVQA | visual question answering | TextVQA
gqa | GQA | visual question answering | GQA
pope | POPE | hallucination | POPE
mme | MME | multimodal benchmark | MME
mmbench | MMBench | multimodal benchmark | MMBench
mmmu | MMMU | multimodal benchmark | MMMU
seed-bench | SEED-Bench | multimodal benchmark | SEED-Bench, SEED-bench
scienceqa | ScienceQA | multimodal QA | ScienceQA, SQA
chartqa | ChartQA | chart QA | ChartQA
docvqa | DocVQA | document QA | DocVQA
mathvista | MathVista | multimodal math | MathVista
cc3m | CC3M | image-text pairs | CC3M, Conceptual Captions
laion | LAION | image-text pairs | LAION, LAION-5B, LAION-400M
flickr30k | Flickr30k | image-text retrieval | Flickr30k, Flickr30K
mtop | MTOP | semantic parsing | MTOP
multiatis | MultiATIS++ | semantic parsing | MultiATIS++, MultiATIS
atari-100k | Atari 100k | reinforcement learning | Atari 100k, Atari100k, Atari-100k, Atari 100K
atari | Atari | reinforcement learning | Atari, Atari 2600, ALE
dmcontrol | DeepMind Control Suite | reinforcement learning | DMControl, DM Control, DeepMind Control Suite, DeepMind Control
mujoco | MuJoCo | reinforcement learning | MuJoCo
d4rl | D4RL | offline reinforcement learning | D4RL
rlbench | RLBench | robot manipulation | RLBench
libero | LIBERO | robot manipulation | LIBERO
simpler | SIMPLER | robot manipulation | SIMPLER
androidworld | AndroidWorld | mobile agents | AndroidWorld
webarena | WebArena | web agents | WebArena
gaia | GAIA | agent benchmark | GAIA
alfworld | ALFWorld | agent benchmark | ALFWorld
webshop | WebShop | agent benchmark | WebShop
hotpotqa-agent | HotpotQA agent | agent benchmark | HotpotQA-agent
locomo | LoCoMo | long-term conversational memory | LoCoMo, LOCOMO
longmemeval | LongMemEval | long-term conversational memory | LongMemEval
msc | Multi-Session Chat | long-term conversational memory | Multi-Session Chat
ogb | OGB | graph learning | OGB, Open Graph Benchmark
criteo | Criteo | click-through rate prediction | Criteo
avazu | Avazu | click-through rate prediction | Avazu
movielens | MovieLens | recommendation | MovieLens
wikipedia | Wikipedia | text corpus | Wikipedia
bookcorpus | BookCorpus | text corpus | BookCorpus
ffhq | FFHQ | image generation | FFHQ
celeba | CelebA | faces | CelebA, CelebA-HQ
lsun | LSUN | image generation | LSUN
geneval | GenEval | text-to-image evaluation | GenEval
t2i-compbench | T2I-CompBench | text-to-image evaluation | T2I-CompBench
vbench | VBench | video generation evaluation | VBench
parti-prompts | PartiPrompts | text-to-image prompts | PartiPrompts, Parti Prompts
div2k | DIV2K | super-resolution | DIV2K
set5 | Set5 | super-resolution | Set5
urban100 | Urban100 | super-resolution | Urban100
shapenet | ShapeNet | 3d shapes | ShapeNet
scannet | ScanNet | 3d scenes | ScanNet
mip-nerf-360 | Mip-NeRF 360 | novel view synthesis | Mip-NeRF 360, Mip-NeRF360, MipNeRF-360
tanks-and-temples | Tanks and Temples | novel view synthesis | Tanks and Temples, Tanks&Temples
ett | ETT | time-series forecasting | ETT, ETTh1, ETTh2, ETTm1, ETTm2
librilight | Libri-Light | speech | Libri-Light
"""


def _parse(table: str) -> tuple[DatasetEntry, ...]:
    out = []
    for line in table.strip().splitlines():
        slug_, name, task, aliases = (c.strip() for c in line.split("|"))
        out.append(DatasetEntry(f"dataset/{slug_}", name, task, tuple(a.strip() for a in aliases.split(",") if a.strip())))
    return tuple(out)


DATASETS: tuple[DatasetEntry, ...] = _parse(_DATASETS)
"""Datasets and benchmarks with their spellings."""

# Dataset names that are also ordinary words or other things; linked only in a data context.
AMBIGUOUS_DATASETS: frozenset[str] = frozenset(
    {"dataset/math", "dataset/arc", "dataset/pile", "dataset/drop", "dataset/apps", "dataset/mercury",
     "dataset/koala", "dataset/alpaca", "dataset/wizardlm", "dataset/self-instruct", "dataset/kinetics",
     "dataset/atari", "dataset/wikipedia", "dataset/gaia", "dataset/simpler", "dataset/flowers", "dataset/davis",
     "dataset/mose", "dataset/pope", "dataset/mme", "dataset/sqa", "dataset/leetcode", "dataset/ett",
     "dataset/gqa", "dataset/nq", "dataset/natural-questions", "dataset/wmt", "dataset/c4"}
)


# -- named hardware --------------------------------------------------------------------------


@dataclass(frozen=True)
class HardwareEntry:
    id: str
    name: str
    vendor: str
    hwclass: str  # the most specific class in core.ttl
    aliases: tuple[str, ...] = ()
    memory_gb: float | None = None
    generation: str = ""
    features: tuple[str, ...] = ()


def _hw(slug_: str, name: str, vendor: str, cls: str, aliases: str = "", memory: float | None = None,
        generation: str = "", features: str = "") -> HardwareEntry:
    return HardwareEntry(
        f"hardware/{slug_}", name, vendor, f"hwclass/{cls}",
        tuple(a.strip() for a in aliases.split(",") if a.strip()), memory, generation,
        tuple(f.strip() for f in features.split(",") if f.strip()),
    )


HARDWARE: tuple[HardwareEntry, ...] = (
    _hw("nvidia-a100", "NVIDIA A100", "NVIDIA", "datacenter-gpu", "A100", 80.0, "Ampere", "BF16 tensor cores, TF32, INT8"),
    _hw("nvidia-a800", "NVIDIA A800", "NVIDIA", "datacenter-gpu", "A800", 80.0, "Ampere", "BF16 tensor cores, INT8"),
    _hw("nvidia-h100", "NVIDIA H100", "NVIDIA", "datacenter-gpu", "H100", 80.0, "Hopper", "FP8 tensor cores, INT8"),
    _hw("nvidia-h800", "NVIDIA H800", "NVIDIA", "datacenter-gpu", "H800", 80.0, "Hopper", "FP8 tensor cores"),
    _hw("nvidia-h200", "NVIDIA H200", "NVIDIA", "datacenter-gpu", "H200", 141.0, "Hopper", "FP8 tensor cores"),
    _hw("nvidia-h20", "NVIDIA H20", "NVIDIA", "datacenter-gpu", "", 96.0, "Hopper", "FP8 tensor cores"),
    _hw("nvidia-b200", "NVIDIA B200", "NVIDIA", "datacenter-gpu", "B200", 192.0, "Blackwell", "FP4 tensor cores, FP8 tensor cores"),
    _hw("nvidia-gb200", "NVIDIA GB200", "NVIDIA", "datacenter-gpu", "GB200", 192.0, "Blackwell", "FP4 tensor cores"),
    _hw("nvidia-gh200", "NVIDIA GH200", "NVIDIA", "datacenter-gpu", "GH200", 96.0, "Hopper", "FP8 tensor cores"),
    _hw("nvidia-v100", "NVIDIA V100", "NVIDIA", "datacenter-gpu", "V100, Tesla V100", 32.0, "Volta", "FP16 tensor cores"),
    _hw("nvidia-v100s", "NVIDIA V100S", "NVIDIA", "datacenter-gpu", "V100S", 32.0, "Volta", "FP16 tensor cores"),
    _hw("nvidia-p100", "NVIDIA P100", "NVIDIA", "datacenter-gpu", "P100, Tesla P100", 16.0, "Pascal"),
    _hw("nvidia-p40", "NVIDIA P40", "NVIDIA", "datacenter-gpu", "P40, Tesla P40", 24.0, "Pascal"),
    _hw("nvidia-t4", "NVIDIA T4", "NVIDIA", "datacenter-gpu", "Tesla T4", 16.0, "Turing", "INT8 tensor cores"),
    _hw("nvidia-l4", "NVIDIA L4", "NVIDIA", "datacenter-gpu", "", 24.0, "Ada Lovelace", "FP8 tensor cores"),
    _hw("nvidia-l40s", "NVIDIA L40S", "NVIDIA", "datacenter-gpu", "L40S", 48.0, "Ada Lovelace", "FP8 tensor cores"),
    _hw("nvidia-a10", "NVIDIA A10", "NVIDIA", "datacenter-gpu", "", 24.0, "Ampere"),
    _hw("nvidia-a40", "NVIDIA A40", "NVIDIA", "datacenter-gpu", "", 48.0, "Ampere"),
    _hw("nvidia-a6000", "NVIDIA RTX A6000", "NVIDIA", "datacenter-gpu", "A6000, RTX A6000", 48.0, "Ampere"),
    _hw("nvidia-rtx-3090", "NVIDIA GeForce RTX 3090", "NVIDIA", "consumer-gpu", "RTX 3090, RTX3090", 24.0, "Ampere"),
    _hw("nvidia-rtx-4090", "NVIDIA GeForce RTX 4090", "NVIDIA", "consumer-gpu", "RTX 4090, RTX4090", 24.0, "Ada Lovelace", "FP8 tensor cores"),
    _hw("nvidia-rtx-5090", "NVIDIA GeForce RTX 5090", "NVIDIA", "consumer-gpu", "RTX 5090, RTX5090", 32.0, "Blackwell", "FP4 tensor cores"),
    _hw("nvidia-rtx-2080-ti", "NVIDIA GeForce RTX 2080 Ti", "NVIDIA", "consumer-gpu", "RTX 2080 Ti", 11.0, "Turing"),
    _hw("nvidia-titan-rtx", "NVIDIA TITAN RTX", "NVIDIA", "consumer-gpu", "Titan RTX", 24.0, "Turing"),
    _hw("nvidia-titan-xp", "NVIDIA TITAN Xp", "NVIDIA", "consumer-gpu", "Titan Xp", 12.0, "Pascal"),
    _hw("nvidia-blackwell", "NVIDIA Blackwell", "NVIDIA", "gpu", "Blackwell GPUs", None, "Blackwell", "FP4 tensor cores, MXFP4, NVFP4"),
    _hw("nvidia-hopper", "NVIDIA Hopper", "NVIDIA", "gpu", "Hopper GPUs", None, "Hopper", "FP8 tensor cores"),
    _hw("nvidia-ampere", "NVIDIA Ampere", "NVIDIA", "gpu", "Ampere GPUs", None, "Ampere", "BF16 tensor cores"),
    _hw("nvidia-volta", "NVIDIA Volta", "NVIDIA", "gpu", "Volta GPUs", None, "Volta", "FP16 tensor cores"),
    _hw("nvidia-dgx-2", "NVIDIA DGX-2", "NVIDIA", "gpu", "DGX-2", None, "Volta"),
    _hw("nvidia-jetson-orin", "NVIDIA Jetson Orin", "NVIDIA", "embedded-board", "Jetson Orin", None, "Ampere"),
    _hw("nvidia-jetson-agx-orin", "NVIDIA Jetson AGX Orin", "NVIDIA", "embedded-board", "Jetson AGX Orin", 64.0, "Ampere"),
    _hw("nvidia-jetson-nano", "NVIDIA Jetson Nano", "NVIDIA", "embedded-board", "Jetson Nano", 4.0, "Maxwell"),
    _hw("nvidia-jetson-xavier", "NVIDIA Jetson Xavier", "NVIDIA", "embedded-board", "Jetson Xavier", None, "Volta"),
    _hw("amd-mi250", "AMD Instinct MI250", "AMD", "datacenter-gpu", "MI250", 128.0, "CDNA 2"),
    _hw("amd-mi250x", "AMD Instinct MI250X", "AMD", "datacenter-gpu", "MI250X", 128.0, "CDNA 2"),
    _hw("amd-mi300x", "AMD Instinct MI300X", "AMD", "datacenter-gpu", "MI300X", 192.0, "CDNA 3", "FP8"),
    _hw("google-tpu", "Google TPU", "Google", "tpu"),
    _hw("google-tpu-v3", "Google TPU v3", "Google", "tpu", "TPU v3, TPUv3"),
    _hw("google-tpu-v4", "Google TPU v4", "Google", "tpu", "TPU v4, TPUv4"),
    _hw("google-tpu-v5e", "Google TPU v5e", "Google", "tpu", "TPU v5e, TPUv5e"),
    _hw("google-pixel-1", "Google Pixel 1", "Google", "phone", "Pixel 1"),
    _hw("google-pixel-6", "Google Pixel 6", "Google", "phone", "Pixel 6"),
    _hw("apple-iphone-8", "Apple iPhone 8", "Apple", "phone", "iPhone 8"),
    _hw("apple-iphone-12", "Apple iPhone 12", "Apple", "phone", "iPhone 12, iPhone12"),
    _hw("apple-iphone-13", "Apple iPhone 13", "Apple", "phone", "iPhone 13"),
    _hw("apple-iphone-15-pro", "Apple iPhone 15 Pro", "Apple", "phone", "iPhone 15 Pro"),
    _hw("apple-m1", "Apple M1", "Apple", "laptop", "M1 chip"),
    _hw("apple-m2", "Apple M2", "Apple", "laptop", "M2 chip"),
    _hw("apple-m2-pro", "Apple M2 Pro", "Apple", "laptop", "M2 Pro"),
    _hw("apple-m4-max", "Apple M4 Max", "Apple", "laptop", "M4 Max"),
    _hw("qualcomm-snapdragon-8-gen-3", "Qualcomm Snapdragon 8 Gen 3", "Qualcomm", "phone", "Snapdragon 8 Gen 3"),
    _hw("qualcomm-snapdragon-865", "Qualcomm Snapdragon 865", "Qualcomm", "phone", "Snapdragon 865"),
    _hw("qualcomm-snapdragon-855", "Qualcomm Snapdragon 855", "Qualcomm", "phone", "Snapdragon 855"),
    _hw("qualcomm-snapdragon-835", "Qualcomm Snapdragon 835", "Qualcomm", "phone", "Snapdragon 835"),
    _hw("huawei-ascend", "Huawei Ascend", "Huawei", "npu", "Ascend NPU"),
    _hw("huawei-ascend-910b", "Huawei Ascend 910B", "Huawei", "npu", "Ascend 910B"),
    _hw("intel-xeon", "Intel Xeon", "Intel", "cpu", "Xeon"),
    _hw("intel-gaudi-2", "Intel Gaudi 2", "Intel", "asic", "Gaudi 2, Gaudi2"),
    _hw("intel-loihi-2", "Intel Loihi 2", "Intel", "neuromorphic-chip", "Loihi 2"),
    _hw("amd-epyc", "AMD EPYC", "AMD", "cpu", "EPYC"),
    _hw("arm-cortex-m4", "Arm Cortex-M4", "Arm", "mcu", "Cortex-M4"),
    _hw("arm-cortex-m7", "Arm Cortex-M7", "Arm", "mcu", "Cortex-M7"),
    _hw("arm-cortex-a72", "Arm Cortex-A72", "Arm", "cpu", "Cortex-A72"),
    _hw("arm-neoverse-n1", "Arm Neoverse N1", "Arm", "cpu", "Neoverse N1"),
    _hw("st-stm32f746", "ST STM32F746", "STMicroelectronics", "mcu", "STM32F746"),
    _hw("st-stm32h743", "ST STM32H743", "STMicroelectronics", "mcu", "STM32H743"),
    _hw("espressif-esp32", "Espressif ESP32", "Espressif", "mcu", "ESP32"),
    _hw("greenwaves-gap8", "GreenWaves GAP8", "GreenWaves", "mcu", "GAP8"),
    _hw("greenwaves-gap9", "GreenWaves GAP9", "GreenWaves", "mcu", "GAP9"),
    _hw("raspberry-pi-4", "Raspberry Pi 4", "Raspberry Pi", "embedded-board", "RPi 4"),
    _hw("raspberry-pi-5", "Raspberry Pi 5", "Raspberry Pi", "embedded-board", "RPi 5"),
    _hw("xilinx-alveo-u280", "Xilinx Alveo U280", "Xilinx", "fpga", "Alveo U280, U280"),
    _hw("xilinx-alveo-u250", "Xilinx Alveo U250", "Xilinx", "fpga", "Alveo U250, U250"),
    _hw("xilinx-versal-vck190", "Xilinx Versal VCK190", "Xilinx", "fpga", "VCK190"),
    _hw("xilinx-versal-vhk158", "Xilinx Versal VHK158", "Xilinx", "fpga", "VHK158"),
    _hw("xilinx-zcu102", "Xilinx ZCU102", "Xilinx", "fpga", "ZCU102"),
    _hw("xilinx-zcu104", "Xilinx ZCU104", "Xilinx", "fpga", "ZCU104"),
    _hw("sambanova-sn40l", "SambaNova SN40L", "SambaNova", "asic", "SN40L"),
    _hw("cerebras-wse-3", "Cerebras WSE-3", "Cerebras", "asic", "WSE-3"),
)
"""Named devices the catalog describes (the grammar in ``hardware.py`` finds others as well)."""


# -- Turtle rendering (the committed ontology/*.ttl catalogs are exactly this output) --------

_PREFIXES = """@prefix eff:  <https://effkg.dev/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""
_IRI = "https://effkg.dev/id/"


def _lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def _str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _norm_label(s: str) -> str:
    import re

    return rx(r"[\s\-_]+").sub(" ", s.lower()).strip()


def _alts(pref: str, aliases: tuple[str, ...] | list[str]) -> list[str]:
    seen = {_norm_label(pref)}
    out = []
    for a in aliases:
        n = _norm_label(a)
        if n and n not in seen:
            seen.add(n)
            out.append(a)
    return out


def _resource(node_id: str, cls: str, pref: str, alts: list[str], definition: str,
              props: list[tuple[str, str]], ambiguous: tuple[str, ...] = ()) -> str:
    lines = [f"<{_IRI}{node_id}> a eff:{cls} ;", f"    skos:prefLabel {_lit(pref)} ;"]
    if alts:
        lines.append("    skos:altLabel " + ", ".join(_lit(a) for a in alts) + " ;")
    for label in ambiguous:
        lines.append(f"    eff:ambiguousLabel {_str(label)} ;")
    for prop, value in props:
        lines.append(f"    {prop} {value} ;")
    lines.append(f"    skos:definition {_lit(definition)} .")
    return "\n".join(lines)


def _header(what: str) -> str:
    return (
        f"# effkg catalog: {what}.\n"
        "# Generated from loaders/mapping/catalog.py and loaders/mapping/models.py by\n"
        "# loaders.mapping.catalog.render_*(); edit the Python tables, not this file.\n\n" + _PREFIXES.rstrip("\n")
    )


def _ambiguous(labels: dict[str, list[str]], node_id: str, pref: str, alts: list[str]) -> tuple[str, ...]:
    return tuple(sorted({x for x in [pref, *alts] if len(labels.get(_norm_label(x), [])) > 1}))


def render_datasets(shared: dict[str, list[str]] | None = None) -> str:
    """``ontology/datasets.ttl``; ``shared`` maps normalised labels to every id carrying them."""
    shared = shared if shared is not None else label_owners()
    parts = [_header("datasets and benchmarks")]
    for d in sorted(DATASETS, key=lambda x: x.id):
        alts = _alts(d.name, d.aliases)
        parts.append(_resource(
            d.id, "Dataset", d.name, alts, f"Dataset or benchmark used for {d.task}.",
            [("eff:task", _str(d.task))], _ambiguous(shared, d.id, d.name, alts),
        ))
    return "\n\n".join(parts) + "\n"


def render_hardware(shared: dict[str, list[str]] | None = None) -> str:
    """``ontology/hardware.ttl``."""
    shared = shared if shared is not None else label_owners()
    parts = [_header("named hardware devices")]
    for h in sorted(HARDWARE, key=lambda x: x.id):
        alts = _alts(h.name, h.aliases)
        props = [("eff:vendor", _str(h.vendor)), ("eff:hardwareClass", f"<{_IRI}{h.hwclass}>")]
        if h.generation:
            props.append(("eff:generation", _str(h.generation)))
        if h.memory_gb is not None:
            props.append(("eff:memoryGB", f'"{h.memory_gb:.1f}"^^xsd:double'))
        if h.features:
            props.append(("eff:precisionFeature", ", ".join(_str(f) for f in h.features)))
        cls_word = h.hwclass.split("/", 1)[1].replace("-", " ")
        parts.append(_resource(
            h.id, "Hardware", h.name, alts, f"{h.vendor} product of the {cls_word} class.", props,
            _ambiguous(shared, h.id, h.name, alts),
        ))
    return "\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class ModelEntry:
    name: str
    total: float | None = None
    active: float | None = None
    modality: str = "text"


# Well-known models with parameter counts the names alone do not give (MoE totals and actives).
MODELS: tuple[ModelEntry, ...] = (
    ModelEntry("Llama-2-7B", 6.7e9), ModelEntry("Llama-2-13B", 13e9), ModelEntry("Llama-2-70B", 70e9),
    ModelEntry("Llama-2-7B-chat", 6.7e9), ModelEntry("LLaMA-7B", 6.7e9), ModelEntry("LLaMA-13B", 13e9),
    ModelEntry("LLaMA-30B", 32.5e9), ModelEntry("LLaMA-65B", 65.2e9), ModelEntry("Llama-3-8B", 8e9),
    ModelEntry("Llama-3-70B", 70e9), ModelEntry("Llama-3.1-8B", 8e9), ModelEntry("Llama-3.1-70B", 70e9),
    ModelEntry("Llama-3.1-405B", 405e9), ModelEntry("Llama-3.2-1B", 1.2e9), ModelEntry("Mistral-7B", 7.2e9),
    ModelEntry("Mixtral-8x7B", 46.7e9, 12.9e9), ModelEntry("Mixtral-8x22B", 141e9, 39e9),
    ModelEntry("Qwen2.5-7B", 7.6e9), ModelEntry("Qwen2.5-72B", 72.7e9), ModelEntry("Qwen3-30B-A3B", 30.5e9, 3.3e9),
    ModelEntry("DeepSeek-V3", 671e9, 37e9), ModelEntry("DeepSeek-R1", 671e9, 37e9), ModelEntry("GPT-4"),
    ModelEntry("GPT-3.5"), ModelEntry("GPT-2", 1.5e9), ModelEntry("GPT-3 175B", 175e9), ModelEntry("OPT-6.7B", 6.7e9),
    ModelEntry("OPT-13B", 13e9), ModelEntry("OPT-30B", 30e9), ModelEntry("OPT-66B", 66e9), ModelEntry("OPT-175B", 175e9),
    ModelEntry("BLOOM-176B", 176e9), ModelEntry("Falcon-40B", 40e9), ModelEntry("Phi-3-mini", 3.8e9),
    ModelEntry("Gemma-2B", 2.5e9), ModelEntry("Gemma-7B", 8.5e9), ModelEntry("Mamba-2.8B", 2.8e9),
    ModelEntry("ResNet-18", 11.7e6, modality="image"), ModelEntry("ResNet-50", 25.6e6, modality="image"),
    ModelEntry("ResNet-101", 44.5e6, modality="image"), ModelEntry("ViT-B/16", 86e6, modality="image"),
    ModelEntry("ViT-L/14", 304e6, modality="image"), ModelEntry("BERT-base", 110e6), ModelEntry("BERT-large", 340e6),
    ModelEntry("RoBERTa-large", 355e6), ModelEntry("T5-large", 770e6), ModelEntry("MobileNetV2", 3.5e6, modality="image"),
    ModelEntry("EfficientNet-B0", 5.3e6, modality="image"), ModelEntry("Stable Diffusion XL", 3.5e9, modality="image"),
    ModelEntry("Whisper large", 1.55e9, modality="audio"),
)


def _family_entries() -> list[tuple[str, str, str, list[str]]]:
    """(family id, prefLabel, architecture, altLabels) for every family the grammar knows.

    A family name that the ontology's own files already use for a method or technique ("S4",
    "Switch Transformer") is labelled "<name> model family" so that no label names two things.
    """
    from loaders.mapping.models import STEMS

    taken = {_norm_label(label) for label, _ in _ontology_file_labels()}
    fams: dict[str, tuple[str, str, list[str]]] = {}
    for s in STEMS:
        if s.family in fams:
            continue
        own = next((x for x in STEMS if x.key == s.family), None)
        pref = (own.names[0].replace("Meta-", "") if own else s.family.replace("-", " ").title())
        alts = [a for a in (own.names[1:] if own else []) if _norm_label(a) not in taken]
        if _norm_label(pref) in taken:
            pref = f"{pref} model family"
        arch = (own or s).arch
        fams[s.family] = (pref, arch, alts)
    return [(f"family/{k}", v[0], v[1], v[2]) for k, v in sorted(fams.items())]


def render_models(shared: dict[str, list[str]] | None = None) -> str:
    """``ontology/models.ttl``: one ModelFamily per family of the grammar, plus :data:`MODELS`."""
    from loaders.mapping.models import parse_model_name

    shared = shared if shared is not None else label_owners()
    parts = [_header("model families and models")]
    for fid, pref, arch, alts in _family_entries():
        alts = _alts(pref, alts)
        parts.append(_resource(
            fid, "ModelFamily", pref, alts, f"Family of models named {pref} across versions and sizes.",
            [("eff:architecture", f"<{_IRI}arch/{arch}>")], _ambiguous(shared, fid, pref, alts),
        ))
    for entry in sorted(MODELS, key=lambda e: parse_model_name(e.name).id):
        m = parse_model_name(entry.name)
        props = [("eff:family", f"<{_IRI}{m.family_id}>"), ("eff:modality", _str(entry.modality))]
        if m.version:
            props.append(("eff:version", _str(m.version)))
        if m.size:
            props.append(("eff:size", _str(m.size.upper() if m.params else m.size)))
        if m.variant:
            props.append(("eff:variant", _str(m.variant)))
        total = entry.total if entry.total is not None else m.params
        if total is not None:
            props.append(("eff:totalParams", f'"{total:.4g}"^^xsd:double'))
        if entry.active is not None:
            props.append(("eff:activeParams", f'"{entry.active:.4g}"^^xsd:double'))
        parts.append(_resource(
            m.id, "Model", entry.name, [], f"The {entry.name} model of the {m.family} family.", props,
            _ambiguous(shared, m.id, entry.name, []),
        ))
    return "\n\n".join(parts) + "\n"


def label_owners() -> dict[str, list[str]]:
    """Normalised label -> ids carrying it, over the catalogs and the ontology's own files."""
    from loaders.mapping.models import parse_model_name

    owners: dict[str, set[str]] = {}

    def add(label: str, node_id: str) -> None:
        owners.setdefault(_norm_label(label), set()).add(node_id)

    for d in DATASETS:
        for label in (d.name, *d.aliases):
            add(label, d.id)
    for h in HARDWARE:
        for label in (h.name, *h.aliases):
            add(label, h.id)
    for fid, pref, _, alts in _family_entries():
        for label in (pref, *alts):
            add(label, fid)
    for e in MODELS:
        add(e.name, parse_model_name(e.name).id)
    for label, node_id in _ontology_file_labels():
        add(label, node_id)
    return {k: sorted(v) for k, v in owners.items()}


@lru_cache(maxsize=1)
def _ontology_file_labels() -> tuple[tuple[str, str], ...]:
    """Labels of the ontology's hand-written files (not the catalogs), read with rdflib."""
    from pathlib import Path

    import rdflib
    from rdflib.namespace import SKOS

    folder = Path(__file__).resolve().parents[2] / "ontology"
    out = []
    for path in sorted(folder.glob("*.ttl")):
        if path.name in CATALOG_FILES or path.name == "shapes.ttl":
            continue
        g = rdflib.Graph()
        g.parse(path, format="turtle")
        for s, p, o in g.triples((None, None, None)):
            if p in (SKOS.prefLabel, SKOS.altLabel) and str(s).startswith(_IRI):
                out.append((str(o), str(s)[len(_IRI):]))
    return tuple(out)


CATALOG_FILES = {"datasets.ttl": render_datasets, "hardware.ttl": render_hardware, "models.ttl": render_models}
"""The catalog files this module renders, by file name."""


def write_catalogs(folder: str | None = None) -> list[str]:
    """Write the three catalog files into ``ontology/`` (or ``folder``); returns their paths."""
    from pathlib import Path

    target = Path(folder) if folder else Path(__file__).resolve().parents[2] / "ontology"
    shared = label_owners()
    written = []
    for name, render in CATALOG_FILES.items():
        path = target / name
        path.write_text(render(shared), encoding="utf-8")
        written.append(str(path))
    return written
