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


@dataclass(frozen=True)
class DatasetEntry:
    id: str
    name: str
    task: str
    aliases: tuple[str, ...]


_DATASETS = """
imagenet | ImageNet | image classification | ImageNet, ImageNet-1K, ImageNet-1k, ImageNet1K, ILSVRC, ILSVRC-2012, ILSVRC2012, ImageNet-2012
imagenet-21k | ImageNet-21K | image classification | ImageNet-21K, ImageNet-21k, ImageNet-22K, ImageNet-22k
imagenet-vid | ImageNet VID | video object detection | ImageNet VID, ImageNet-VID
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
leetcode | LeetCode | code generation | LeetCode
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
