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
imagenet | ImageNet | image classification | ImageNet, ImageNet-1K, ImageNet-1k, ImageNet1K, ILSVRC, ILSVRC-2012, ILSVRC2012, ImageNet-2012, ImageNet64, ImageNet128, ImageNet256, ImageNet512
imagenet-21k | ImageNet-21K | image classification | ImageNet-21K, ImageNet-21k, ImageNet-22K, ImageNet-22k, ImageNet21K, ImageNet21k, ImageNet22K, ImageNet22k
imagenet-vid | ImageNet VID | video object detection | ImageNet VID, ImageNet-VID, ImageNetVID
tiny-imagenet | Tiny ImageNet | image classification | Tiny-ImageNet, Tiny ImageNet, TinyImageNet
cifar | CIFAR | image classification | CIFAR
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
fgvc | FGVC | fine-grained classification | FGVC, FGVC benchmark
stanford-cars | Stanford Cars | image classification | Stanford Cars, StanfordCars
vtab | VTAB | transfer learning | VTAB, VTAB-1k, VTAB-1K
coco | COCO | detection and segmentation | COCO, MS-COCO, MSCOCO, MS COCO
lvis | LVIS | detection | LVIS
pascal-voc | PASCAL VOC | detection and segmentation | PASCAL VOC, Pascal VOC, VOC2012, VOC2007, VOC 2012
ade20k | ADE20K | semantic segmentation | ADE20K, ADE20k, ADE-20K
cityscapes | Cityscapes | semantic segmentation | Cityscapes
kitti | KITTI | driving perception | KITTI
kitti-2012 | KITTI 2012 | stereo and optical flow | KITTI-2012, KITTI 2012, KITTI2012
kitti-2015 | KITTI 2015 | stereo and optical flow | KITTI-2015, KITTI 2015, KITTI2015
nuscenes | nuScenes | 3d detection | nuScenes
waymo | Waymo Open Dataset | 3d detection | Waymo Open Dataset, Waymo
sintel | MPI Sintel | optical flow | Sintel, MPI-Sintel, MPI Sintel
flyingchairs | FlyingChairs | optical flow | FlyingChairs, Flying Chairs
spring | Spring | optical flow | Spring
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
commonsenseqa | CommonsenseQA | commonsense reasoning | CommonsenseQA, CSQA
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
redpajama | RedPajama | pretraining corpus | RedPajama, RedPajama-Data, RedPajama-V2
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
speech-commands | Speech Commands | keyword spotting | Speech Commands, Google Speech Commands, Speech Commands v2, Speech Commands V2, SCv2, GSCv2
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
multiatis | MultiATIS++ | semantic parsing | MultiATIS++, MultiATIS, multiATIS, Multi-ATIS, multi-ATIS
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
bookcorpus | BookCorpus | text corpus | BookCorpus, BooksCorpus
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
cola | CoLA | linguistic acceptability | CoLA
qqp | QQP | paraphrase detection | QQP, Quora Question Pairs
qnli | QNLI | natural language inference | QNLI
rte | RTE | natural language inference | RTE
mrpc | MRPC | paraphrase detection | MRPC
sts-b | STS-B | semantic similarity | STS-B, STSB, STS-Benchmark, STS Benchmark
wnli | WNLI | natural language inference | WNLI
snli | SNLI | natural language inference | SNLI
anli | ANLI | natural language inference | ANLI, Adversarial NLI
copa | COPA | commonsense reasoning | COPA
wsc | WSC | commonsense reasoning | WSC, WSC273, Winograd Schema Challenge
multirc | MultiRC | reading comprehension | MultiRC
record | ReCoRD | reading comprehension | ReCoRD
wic | WiC | word sense disambiguation | WiC
sst-5 | SST-5 | sentiment classification | SST-5, SST5
imdb | IMDB | sentiment classification | IMDB, IMDb, IMDB Movie Reviews, IMDB Reviews
yelp | Yelp Reviews | sentiment classification | Yelp, Yelp Reviews, Yelp Review Polarity, Yelp Polarity, Yelp-2, Yelp-5, Yelp-Full
ag-news | AG News | topic classification | AG News, AGNews, AG-News, AG NEWS
amazon-reviews | Amazon Reviews | sentiment classification | Amazon Reviews, Amazon Review, Amazon-Reviews, Amazon Polarity, Amazon Review Polarity, Amazon product reviews
dbpedia | DBpedia | topic classification | DBpedia, DBPedia, DBpedia-14
yahoo-answers | Yahoo! Answers | topic classification | Yahoo! Answers, Yahoo Answers
20-newsgroups | 20 Newsgroups | topic classification | 20 Newsgroups, 20Newsgroups, 20NG, 20 News Groups
tweeteval | TweetEval | tweet classification | TweetEval
ceval | C-Eval | Chinese knowledge benchmark | C-Eval, CEval
cmmlu | CMMLU | Chinese knowledge benchmark | CMMLU
agieval | AGIEval | exam benchmark | AGIEval
gaokao-bench | GAOKAO-Bench | exam benchmark | GAOKAO-Bench, GaoKao-Bench, Gaokao-Bench
clue | CLUE | Chinese language understanding | CLUE
xnli | XNLI | cross-lingual inference | XNLI
xquad | XQuAD | cross-lingual question answering | XQuAD
mlqa | MLQA | cross-lingual question answering | MLQA
tydiqa | TyDi QA | multilingual question answering | TyDi QA, TyDiQA, TyDi-QA
xor-tydi | XOR-TyDi | multilingual retrieval | XOR-TyDi, XOR TyDi, XOR-TyDi QA, XOR QA
paws-x | PAWS-X | cross-lingual paraphrase | PAWS-X
xcopa | XCOPA | cross-lingual commonsense reasoning | XCOPA
xstorycloze | XStoryCloze | cross-lingual commonsense reasoning | XStoryCloze
xwinograd | XWinograd | cross-lingual commonsense reasoning | XWinograd
mgsm | MGSM | multilingual math reasoning | MGSM
belebele | Belebele | multilingual reading comprehension | Belebele
xl-sum | XL-Sum | multilingual summarization | XL-Sum, XLSum
wikiann | WikiANN | named entity recognition | WikiANN, PAN-X
narrativeqa | NarrativeQA | long-document question answering | NarrativeQA, Narrative QA
qasper | Qasper | long-document question answering | Qasper
quality | QuALITY | long-document question answering | QuALITY
squality | SQuALITY | long-document summarization | SQuALITY
govreport | GovReport | long-document summarization | GovReport, Gov Report
qmsum | QMSum | meeting summarization | QMSum
multi-news | Multi-News | multi-document summarization | Multi-News, MultiNews, Multi News
samsum | SAMSum | dialogue summarization | SAMSum
dialogsum | DialogSum | dialogue summarization | DialogSum
booksum | BookSum | long-document summarization | BookSum
summscreen | SummScreen | long-document summarization | SummScreen, SummScreenFD, SummScreen-FD
contractnli | ContractNLI | long-document inference | ContractNLI, Contract NLI
musique | MuSiQue | multi-hop question answering | MuSiQue
2wikimultihopqa | 2WikiMultihopQA | multi-hop question answering | 2WikiMultihopQA, 2WikiMQA, 2Wiki
lv-eval | LV-Eval | long-context benchmark | LV-Eval
repobench | RepoBench | repository-level code completion | RepoBench, RepoBench-P, RepoBench-C
listops | ListOps | long-sequence benchmark | ListOps
svamp | SVAMP | math reasoning | SVAMP
aqua | AQuA | math reasoning | AQuA, AQuA-RAT, AQUA-RAT
asdiv | ASDiv | math reasoning | ASDiv, ASDiv-A
mawps | MAWPS | math reasoning | MAWPS
multiarith | MultiArith | math reasoning | MultiArith
addsub | AddSub | math reasoning | AddSub
gsm-hard | GSM-Hard | math reasoning | GSM-Hard, GSMHard
mathqa | MathQA | math reasoning | MathQA
theoremqa | TheoremQA | math reasoning | TheoremQA
olympiadbench | OlympiadBench | math reasoning | OlympiadBench
omni-math | Omni-MATH | math reasoning | Omni-MATH
hmmt | HMMT | math reasoning | HMMT
strategyqa | StrategyQA | multi-hop reasoning | StrategyQA
logiqa | LogiQA | logical reasoning | LogiQA, LogiQA 2.0
reclor | ReClor | logical reasoning | ReClor
folio | FOLIO | logical reasoning | FOLIO
proofwriter | ProofWriter | logical reasoning | ProofWriter
clutrr | CLUTRR | relational reasoning | CLUTRR
storycloze | StoryCloze | commonsense reasoning | StoryCloze, Story Cloze, Story Cloze Test
sciq | SciQ | science QA | SciQ
race | RACE | reading comprehension | RACE, RACE-h, RACE-m, RACE-high, RACE-middle
quac | QuAC | conversational question answering | QuAC
coqa | CoQA | conversational question answering | CoQA
newsqa | NewsQA | question answering | NewsQA
webquestions | WebQuestions | question answering | WebQuestions, WebQSP, WebQ
popqa | PopQA | question answering | PopQA
fever | FEVER | fact verification | FEVER
kilt | KILT | knowledge-intensive tasks | KILT
eli5 | ELI5 | long-form question answering | ELI5
bioasq | BioASQ | biomedical question answering | BioASQ
medqa | MedQA | medical question answering | MedQA, MedQA-USMLE
medmcqa | MedMCQA | medical question answering | MedMCQA
pubmedqa | PubMedQA | biomedical question answering | PubMedQA
legalbench | LegalBench | legal reasoning | LegalBench
finqa | FinQA | financial question answering | FinQA
halueval | HaluEval | hallucination | HaluEval
streamingqa | StreamingQA | temporal question answering | StreamingQA
archivalqa | ArchivalQA | temporal question answering | ArchivalQA
mteb | MTEB | text embedding benchmark | MTEB, Massive Text Embedding Benchmark
senteval | SentEval | sentence embedding evaluation | SentEval
blimp | BLiMP | linguistic minimal pairs | BLiMP
conll-2003 | CoNLL-2003 | named entity recognition | CoNLL-2003, CoNLL03, CoNLL 2003, CoNLL-03
ontonotes | OntoNotes | named entity recognition | OntoNotes, OntoNotes 5.0
universal-dependencies | Universal Dependencies | dependency parsing | Universal Dependencies, Universal Dependency treebanks
gigaword | Gigaword | summarization | Gigaword, English Gigaword
billsum | BillSum | summarization | BillSum
wikihow | WikiHow | summarization | WikiHow
multi30k | Multi30K | multimodal machine translation | Multi30K, Multi30k
europarl | Europarl | machine translation | Europarl
opus-100 | OPUS-100 | machine translation | OPUS-100
wikisql | WikiSQL | text to SQL | WikiSQL
e2e-nlg | E2E NLG | data-to-text generation | E2E NLG, E2E NLG Challenge
webnlg | WebNLG | data-to-text generation | WebNLG
commongen | CommonGen | constrained generation | CommonGen
rocstories | ROCStories | story generation | ROCStories
writingprompts | WritingPrompts | story generation | WritingPrompts
multipl-e | MultiPL-E | code generation | MultiPL-E
cruxeval | CRUXEval | code reasoning | CRUXEval, CRUXEval-I, CRUXEval-O
codesearchnet | CodeSearchNet | code search | CodeSearchNet
codexglue | CodeXGLUE | code understanding and generation | CodeXGLUE
crosscodeeval | CrossCodeEval | code completion | CrossCodeEval
classeval | ClassEval | code generation | ClassEval
codereval | CoderEval | code generation | CoderEval
conala | CoNaLa | code generation | CoNaLa
codenet | CodeNet | code understanding | CodeNet, Project CodeNet
codeforces | Codeforces | competitive programming | Codeforces
food-101 | Food-101 | image classification | Food-101, Food101
caltech-101 | Caltech-101 | image classification | Caltech-101, Caltech101
caltech-256 | Caltech-256 | image classification | Caltech-256, Caltech256
oxford-pets | Oxford-IIIT Pets | image classification | Oxford-IIIT Pets, Oxford-IIIT Pet, Oxford Pets, OxfordPets, Oxford-Pets
dtd | DTD | texture classification | DTD, Describable Textures Dataset, Describable Textures
eurosat | EuroSAT | remote sensing classification | EuroSAT
resisc45 | RESISC45 | remote sensing classification | RESISC45, NWPU-RESISC45, RESISC-45
sun397 | SUN397 | scene classification | SUN397, SUN-397, SUN 397
cub-200 | CUB-200-2011 | fine-grained classification | CUB-200-2011, CUB-200, CUB200, Caltech-UCSD Birds
stanford-dogs | Stanford Dogs | fine-grained classification | Stanford Dogs, StanfordDogs
inaturalist | iNaturalist | fine-grained classification | iNaturalist, iNaturalist 2018, iNaturalist 2019, iNaturalist 2021, iNat2018, iNat2019, iNat2021
imagenet-r | ImageNet-R | robustness evaluation | ImageNet-R, ImageNet-Rendition
imagenet-a | ImageNet-A | robustness evaluation | ImageNet-A
imagenet-sketch | ImageNet-Sketch | robustness evaluation | ImageNet-Sketch, ImageNet Sketch
imagenet-c | ImageNet-C | robustness evaluation | ImageNet-C
imagenetv2 | ImageNetV2 | image classification | ImageNetV2, ImageNet-V2, ImageNet V2, ImageNet-v2
objectnet | ObjectNet | robustness evaluation | ObjectNet
omniglot | Omniglot | few-shot classification | Omniglot
mini-imagenet | miniImageNet | few-shot classification | miniImageNet, mini-ImageNet, MiniImageNet
tiered-imagenet | tieredImageNet | few-shot classification | tieredImageNet, tiered-ImageNet
visual-wake-words | Visual Wake Words | tiny image classification | Visual Wake Words, VWW
objects365 | Objects365 | detection | Objects365, Objects-365
open-images | Open Images | detection | Open Images, OpenImages
crowdhuman | CrowdHuman | pedestrian detection | CrowdHuman
wider-face | WIDER FACE | face detection | WIDER FACE, WIDER Face, WIDERFace
mapillary-vistas | Mapillary Vistas | semantic segmentation | Mapillary Vistas
camvid | CamVid | semantic segmentation | CamVid
pascal-context | PASCAL-Context | semantic segmentation | PASCAL-Context, PASCAL Context, Pascal Context, Pascal-Context
bdd100k | BDD100K | driving perception | BDD100K, BDD100k
argoverse | Argoverse | driving perception | Argoverse, Argoverse 2, Argoverse2
lasot | LaSOT | object tracking | LaSOT
got-10k | GOT-10k | object tracking | GOT-10k, GOT-10K, GOT10k
trackingnet | TrackingNet | object tracking | TrackingNet
mot17 | MOT17 | multi-object tracking | MOT17, MOT-17
mot20 | MOT20 | multi-object tracking | MOT20, MOT-20
market-1501 | Market-1501 | person re-identification | Market-1501, Market1501
lfw | LFW | face verification | LFW, Labeled Faces in the Wild
ms-celeb-1m | MS-Celeb-1M | face recognition | MS-Celeb-1M, MS1M
human3.6m | Human3.6M | pose estimation | Human3.6M, Human 3.6M
nyu-depth-v2 | NYU Depth V2 | depth estimation | NYU Depth V2, NYU-Depth V2, NYU-Depth-V2, NYU Depth v2, NYUv2, NYU-v2, NYUDv2
sun-rgbd | SUN RGB-D | 3d scene understanding | SUN RGB-D, SUNRGB-D, SUN-RGBD
refcoco | RefCOCO | referring expressions | RefCOCO, RefCOCO+
refcocog | RefCOCOg | referring expressions | RefCOCOg
nocaps | NoCaps | image captioning | NoCaps, nocaps
vizwiz | VizWiz | visual question answering | VizWiz, VizWiz-VQA
ok-vqa | OK-VQA | visual question answering | OK-VQA, OKVQA
a-okvqa | A-OKVQA | visual question answering | A-OKVQA, AOKVQA
mm-vet | MM-Vet | multimodal benchmark | MM-Vet, MMVet
llava-bench | LLaVA-Bench | multimodal benchmark | LLaVA-Bench, LLaVA-Wild, LLaVA-in-the-Wild
mmstar | MMStar | multimodal benchmark | MMStar
hallusionbench | HallusionBench | hallucination | HallusionBench
ocrbench | OCRBench | multimodal OCR | OCRBench
ai2d | AI2D | diagram QA | AI2D
infovqa | InfographicVQA | document QA | InfographicVQA, InfoVQA
mathverse | MathVerse | multimodal math | MathVerse
realworldqa | RealWorldQA | multimodal benchmark | RealWorldQA
clevr | CLEVR | visual reasoning | CLEVR
nlvr2 | NLVR2 | visual reasoning | NLVR2
visual-genome | Visual Genome | scene graphs | Visual Genome
winoground | Winoground | visio-linguistic compositionality | Winoground
cc12m | CC12M | image-text pairs | CC12M, Conceptual 12M
yfcc100m | YFCC100M | image-text pairs | YFCC100M, YFCC-100M, YFCC15M
sbu-captions | SBU Captions | image-text pairs | SBU Captions
datacomp | DataComp | image-text pairs | DataComp, DataComp-1B
coyo-700m | COYO-700M | image-text pairs | COYO-700M, COYO
hmdb-51 | HMDB51 | video classification | HMDB51, HMDB-51, HMDB
kinetics-700 | Kinetics-700 | video classification | Kinetics-700, Kinetics700, K700
diving48 | Diving48 | video classification | Diving48, Diving-48
epic-kitchens | EPIC-KITCHENS | egocentric video | EPIC-KITCHENS, EPIC-Kitchens, Epic-Kitchens, EPIC-KITCHENS-100, EPIC-Kitchens-100
ego4d | Ego4D | egocentric video | Ego4D
howto100m | HowTo100M | video-text pairs | HowTo100M
webvid | WebVid | video-text pairs | WebVid, WebVid-10M, WebVid10M, WebVid-2M
thumos14 | THUMOS14 | temporal action detection | THUMOS14, THUMOS'14, THUMOS-14, THUMOS 2014, THUMOS
youcook2 | YouCook2 | video captioning | YouCook2, YouCookII
vatex | VATEX | video captioning | VATEX
lsmdc | LSMDC | video retrieval | LSMDC
didemo | DiDeMo | video retrieval | DiDeMo
msvd | MSVD | video understanding | MSVD, MSVD-QA
tgif-qa | TGIF-QA | video question answering | TGIF-QA
next-qa | NExT-QA | video question answering | NExT-QA, NExTQA
tvqa | TVQA | video question answering | TVQA
longvideobench | LongVideoBench | video understanding | LongVideoBench
mlvu | MLVU | video understanding | MLVU
qvhighlights | QVHighlights | video moment retrieval | QVHighlights
weizmann | Weizmann | action recognition | Weizmann
aishell-1 | AISHELL-1 | speech recognition | AISHELL-1, Aishell-1, AISHELL1, Aishell1
aishell-2 | AISHELL-2 | speech recognition | AISHELL-2, Aishell-2
timit | TIMIT | speech recognition | TIMIT
vctk | VCTK | text to speech | VCTK, CSTR VCTK
libritts | LibriTTS | text to speech | LibriTTS, LibriTTS-R
wenetspeech | WenetSpeech | speech recognition | WenetSpeech
gigaspeech | GigaSpeech | speech recognition | GigaSpeech
ted-lium | TED-LIUM | speech recognition | TED-LIUM, TED-LIUM 3, TED-LIUM3, TEDLIUM
multilingual-librispeech | Multilingual LibriSpeech | speech recognition | Multilingual LibriSpeech
switchboard | Switchboard | speech recognition | Switchboard corpus, Switchboard-300, SWB-300, SWB300, Switchboard Hub5
fleurs | FLEURS | speech recognition | FLEURS
covost-2 | CoVoST 2 | speech translation | CoVoST 2, CoVoST2, CoVoST
must-c | MuST-C | speech translation | MuST-C
voxpopuli | VoxPopuli | speech recognition | VoxPopuli
superb | SUPERB | speech representation benchmark | SUPERB
dns-challenge | DNS Challenge | speech enhancement | DNS Challenge, DNS-Challenge, Deep Noise Suppression Challenge
voicebank-demand | VoiceBank+DEMAND | speech enhancement | VoiceBank+DEMAND, VoiceBank-DEMAND, VoiceBank DEMAND
librimix | LibriMix | speech separation | LibriMix, Libri2Mix, Libri3Mix
wham | WHAM! | speech separation | WHAM!, WHAMR!
gtzan | GTZAN | music classification | GTZAN
nsynth | NSynth | music audio | NSynth
musiccaps | MusicCaps | music captioning | MusicCaps
audiocaps | AudioCaps | audio captioning | AudioCaps
clotho | Clotho | audio captioning | Clotho
urbansound8k | UrbanSound8K | audio classification | UrbanSound8K, UrbanSound-8K, US8K
fsd50k | FSD50K | audio classification | FSD50K
vggsound | VGGSound | audio-visual classification | VGGSound
dsd100 | DSD100 | music source separation | DSD100
set14 | Set14 | super-resolution | Set14
bsd100 | BSD100 | super-resolution | BSD100, BSDS100
manga109 | Manga109 | super-resolution | Manga109
bsds500 | BSDS500 | image restoration | BSDS500, BSD500
bsd68 | BSD68 | image denoising | BSD68
flickr2k | Flickr2K | super-resolution | Flickr2K
df2k | DF2K | super-resolution | DF2K
sidd | SIDD | image denoising | SIDD
kodak | Kodak | image compression | Kodak, Kodak24, Kodak PhotoCD
vimeo-90k | Vimeo-90K | video restoration | Vimeo-90K, Vimeo90K, Vimeo-90k
vid4 | Vid4 | video super-resolution | Vid4
reds | REDS | video restoration | REDS, REDS4
uvg | UVG | video compression | UVG
afhq | AFHQ | image generation | AFHQ, AFHQv2, AFHQ-v2
drawbench | DrawBench | text-to-image evaluation | DrawBench
dpg-bench | DPG-Bench | text-to-image evaluation | DPG-Bench
pick-a-pic | Pick-a-Pic | text-to-image preferences | Pick-a-Pic
diffusiondb | DiffusionDB | text-to-image prompts | DiffusionDB
mjhq-30k | MJHQ-30K | text-to-image evaluation | MJHQ-30K, MJHQ
evalcrafter | EvalCrafter | video generation evaluation | EvalCrafter
t2v-compbench | T2V-CompBench | video generation evaluation | T2V-CompBench
modelnet40 | ModelNet40 | 3d shape classification | ModelNet40, ModelNet-40
modelnet10 | ModelNet10 | 3d shape classification | ModelNet10, ModelNet-10
scanobjectnn | ScanObjectNN | 3d shape classification | ScanObjectNN
shapenetpart | ShapeNetPart | 3d part segmentation | ShapeNetPart, ShapeNet-Part, ShapeNet Part
s3dis | S3DIS | 3d semantic segmentation | S3DIS
semantickitti | SemanticKITTI | 3d semantic segmentation | SemanticKITTI
matterport3d | Matterport3D | 3d scenes | Matterport3D
objaverse | Objaverse | 3d objects | Objaverse, Objaverse-XL
co3d | CO3D | 3d reconstruction | CO3D, CO3Dv2
llff | LLFF | novel view synthesis | LLFF
nerf-synthetic | NeRF Synthetic | novel view synthesis | NeRF Synthetic, NeRF-Synthetic, Synthetic-NeRF
ogbn-arxiv | ogbn-arxiv | node classification | ogbn-arxiv
ogbn-products | ogbn-products | node classification | ogbn-products
ogbn-proteins | ogbn-proteins | node classification | ogbn-proteins
ogbn-papers100m | ogbn-papers100M | node classification | ogbn-papers100M
ogbn-mag | ogbn-mag | node classification | ogbn-mag
ogbg-molhiv | ogbg-molhiv | graph classification | ogbg-molhiv
ogbg-molpcba | ogbg-molpcba | graph classification | ogbg-molpcba
cora | Cora | node classification | Cora
citeseer | CiteSeer | node classification | CiteSeer, Citeseer
pubmed | PubMed | node classification and biomedical text | PubMed
qm9 | QM9 | molecular property prediction | QM9
zinc | ZINC | molecular graphs | ZINC
lrgb | LRGB | graph learning | LRGB, Long Range Graph Benchmark
amazon-book | Amazon-Book | recommendation | Amazon-Book, Amazon Book
yelp2018 | Yelp2018 | recommendation | Yelp2018, Yelp-2018, Yelp 2018
gowalla | Gowalla | recommendation | Gowalla
lastfm | Last.fm | recommendation | Last.fm, LastFM, Last-FM
amazon-beauty | Amazon Beauty | recommendation | Amazon Beauty, Amazon-Beauty
netflix-prize | Netflix Prize | recommendation | Netflix Prize
procgen | Procgen | reinforcement learning | Procgen, ProcGen
meta-world | Meta-World | robot manipulation | Meta-World, MetaWorld
nethack | NetHack | reinforcement learning | NetHack, NetHack Learning Environment
crafter | Crafter | reinforcement learning | Crafter
minigrid | MiniGrid | reinforcement learning | MiniGrid, Minigrid
babyai | BabyAI | reinforcement learning | BabyAI
dmlab | DeepMind Lab | reinforcement learning | DeepMind Lab, DMLab, DMLab-30
vizdoom | ViZDoom | reinforcement learning | ViZDoom, VizDoom
smac | SMAC | multi-agent reinforcement learning | SMAC, SMACv2, StarCraft Multi-Agent Challenge
minerl | MineRL | reinforcement learning | MineRL
openai-gym | OpenAI Gym | reinforcement learning | OpenAI Gym, OpenAI-Gym
carla | CARLA | autonomous driving simulation | CARLA
calvin | CALVIN | robot manipulation | CALVIN
maniskill | ManiSkill | robot manipulation | ManiSkill, ManiSkill2, ManiSkill3
robomimic | robomimic | robot manipulation | robomimic, RoboMimic
open-x-embodiment | Open X-Embodiment | robot learning | Open X-Embodiment, Open-X-Embodiment, OpenX-Embodiment
the-colosseum | The Colosseum | robot manipulation | The Colosseum, THE COLOSSEUM
m4 | M4 | time-series forecasting | M4 competition, M4 Competition, M4 dataset, M4 benchmark
electricity | Electricity | time-series forecasting | ECL, Electricity Consuming Load, ElectricityLoadDiagrams
metr-la | METR-LA | traffic forecasting | METR-LA
pems-bay | PEMS-BAY | traffic forecasting | PEMS-BAY, PeMS-Bay
pems04 | PEMS04 | traffic forecasting | PEMS04, PeMS04, PEMSD4
pems08 | PEMS08 | traffic forecasting | PEMS08, PeMS08, PEMSD8
ucr-archive | UCR Time Series Archive | time-series classification | UCR archive, UCR Time Series Archive, UCR Time Series Classification Archive
uea-archive | UEA archive | time-series classification | UEA archive, UEA Multivariate Time Series Classification Archive
isic | ISIC | skin lesion analysis | ISIC, ISIC 2018, ISIC2018, ISIC 2019, ISIC2019
chexpert | CheXpert | chest x-ray classification | CheXpert
chestx-ray14 | ChestX-ray14 | chest x-ray classification | ChestX-ray14, ChestX-ray8, NIH ChestX-ray14, NIH Chest X-ray
mimic-cxr | MIMIC-CXR | chest x-ray reports | MIMIC-CXR
mimic-iii | MIMIC-III | clinical records | MIMIC-III
mimic-iv | MIMIC-IV | clinical records | MIMIC-IV
camelyon16 | Camelyon16 | histopathology | Camelyon16, CAMELYON16
medmnist | MedMNIST | medical image classification | MedMNIST, MedMNIST v2
lidc-idri | LIDC-IDRI | medical imaging | LIDC-IDRI
kvasir | Kvasir | medical segmentation | Kvasir, Kvasir-SEG
btcv | BTCV | medical segmentation | BTCV
enwik8 | enwik8 | character-level language modeling | enwik8
text8 | text8 | character-level language modeling | text8
lm1b | One Billion Word | language modeling | One Billion Word Benchmark, 1B Word Benchmark, LM1B
slimpajama | SlimPajama | pretraining corpus | SlimPajama, SlimPajama-627B
refinedweb | RefinedWeb | pretraining corpus | RefinedWeb
the-stack | The Stack | code pretraining corpus | The Stack v1, The Stack v1.2, The Stack v2, TheStack
dolma | Dolma | pretraining corpus | Dolma
mc4 | mC4 | multilingual pretraining corpus | mC4
cc-100 | CC-100 | multilingual pretraining corpus | CC-100, CC100
common-crawl | Common Crawl | web corpus | Common Crawl, CommonCrawl
tinystories | TinyStories | language modeling | TinyStories
dclm | DCLM | pretraining corpus | DCLM, DCLM-Baseline, DataComp-LM
openwebmath | OpenWebMath | math pretraining corpus | OpenWebMath
proof-pile | Proof-Pile | math pretraining corpus | Proof-Pile, Proof-Pile-2, ProofPile
books3 | Books3 | pretraining corpus | Books3
openorca | OpenOrca | instruction data | OpenOrca
oasst1 | OpenAssistant Conversations | conversations | OpenAssistant Conversations, OASST1, OASST
metamathqa | MetaMathQA | math instruction data | MetaMathQA
ultrafeedback | UltraFeedback | preference data | UltraFeedback
hh-rlhf | Anthropic HH-RLHF | preference data | HH-RLHF, Anthropic HH, Anthropic-HH
lmsys-chat-1m | LMSYS-Chat-1M | conversations | LMSYS-Chat-1M
chatbot-arena | Chatbot Arena | chat evaluation | Chatbot Arena, LMSYS Chatbot Arena
evol-instruct | Evol-Instruct | instruction data | Evol-Instruct, EVOL-Instruct, Evol Instruct, EvolInstruct
code-alpaca | Code Alpaca | instruction data | Code Alpaca, CodeAlpaca
super-naturalinstructions | Super-NaturalInstructions | instruction data | Super-NaturalInstructions, SuperNI, NaturalInstructions
realtoxicityprompts | RealToxicityPrompts | toxicity | RealToxicityPrompts
toxigen | ToxiGen | toxicity | ToxiGen
advbench | AdvBench | jailbreak robustness | AdvBench
harmbench | HarmBench | jailbreak robustness | HarmBench
xstest | XSTest | safety | XSTest
crows-pairs | CrowS-Pairs | social bias | CrowS-Pairs
winobias | WinoBias | social bias | WinoBias
toolbench | ToolBench | tool use | ToolBench
agentbench | AgentBench | agent benchmark | AgentBench
osworld | OSWorld | computer-use agents | OSWorld
mind2web | Mind2Web | web agents | Mind2Web
visualwebarena | VisualWebArena | web agents | VisualWebArena
scienceworld | ScienceWorld | agent benchmark | ScienceWorld
bfcl | BFCL | function calling | BFCL, Berkeley Function Calling Leaderboard
tau-bench | tau-bench | tool use | tau-bench, TAU-bench
api-bank | API-Bank | tool use | API-Bank
arc-agi | ARC-AGI | abstract reasoning | ARC-AGI, ARC-AGI-2
livebench | LiveBench | LLM evaluation | LiveBench
opencompass | OpenCompass | LLM evaluation | OpenCompass
simpleqa | SimpleQA | factuality | SimpleQA
hle | Humanity's Last Exam | expert reasoning | Humanity's Last Exam, Humanitys Last Exam, HLE
browsecomp | BrowseComp | web browsing agents | BrowseComp, BrowseComp-Plus
musr | MuSR | multistep soft reasoning | MuSR
wildbench | WildBench | chat evaluation | WildBench
prontoqa | PrOntoQA | logical reasoning | PrOntoQA, ProntoQA
game-of-24 | Game of 24 | arithmetic puzzles | Game of 24, Game of Twenty-Four
blocksworld | Blocksworld | planning | Blocksworld, BlocksWorld
helmet | HELMET | long-context benchmark | HELMET
longgenbench | LongGenBench | long-context generation | LongGenBench
nolima | NoLiMa | long-context retrieval | NoLiMa
jft-300m | JFT-300M | image classification | JFT-300M, JFT300M
jft-3b | JFT-3B | image classification | JFT-3B
trec-dl | TREC DL | passage retrieval | TREC DL, TREC-DL, TREC Deep Learning, TREC DL 2019, TREC DL 2020, TREC-DL19, TREC-DL20
lotte | LoTTE | retrieval | LoTTE
miracl | MIRACL | multilingual retrieval | MIRACL
chime-4 | CHiME-4 | speech recognition | CHiME-4, CHiME4
chime-6 | CHiME-6 | speech recognition | CHiME-6, CHiME6
ami | AMI Meeting Corpus | speech recognition | AMI Meeting Corpus, AMI corpus
ogbl-collab | ogbl-collab | link prediction | ogbl-collab
ogbl-ppa | ogbl-ppa | link prediction | ogbl-ppa
ogbl-citation2 | ogbl-citation2 | link prediction | ogbl-citation2
tempcompass | TempCompass | video understanding | TempCompass
perception-test | Perception Test | video understanding | Perception Test
cc-news | CC-News | news corpus | CC-News, CCNews
realnews | RealNews | news corpus | RealNews
bridgedata-v2 | BridgeData V2 | robot learning | BridgeData V2, BridgeData
nuplan | nuPlan | autonomous driving planning | nuPlan
nas-bench-101 | NAS-Bench-101 | neural architecture search | NAS-Bench-101, NASBench-101, NASBench101
nas-bench-201 | NAS-Bench-201 | neural architecture search | NAS-Bench-201, NASBench-201, NASBench201
nas-bench-301 | NAS-Bench-301 | neural architecture search | NAS-Bench-301, NASBench-301, NASBench301
tuab | TUAB | EEG abnormality detection | TUAB, TUH Abnormal
tuar | TUAR | EEG artifact detection | TUAR, TUH Artifact
tueg | TUEG | EEG pretraining corpus | TUEG, TUH EEG Corpus
oc20 | OC20 | catalyst modeling | OC20, Open Catalyst 2020
oc22 | OC22 | catalyst modeling | OC22, Open Catalyst 2022
spice | SPICE | molecular potentials | SPICE
mptrj | MPtrj | materials potentials | MPtrj, MPTrj
md17 | MD17 | molecular dynamics | MD17, rMD17
dailydialog | DailyDialog | dialogue | DailyDialog
chapterbreak | ChapterBreak | long-context language modeling | ChapterBreak
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
     "dataset/gqa", "dataset/nq", "dataset/natural-questions", "dataset/wmt", "dataset/c4",
     # a company, an institute, an ordinary word or another thing as well as a dataset
     "dataset/yelp", "dataset/dbpedia", "dataset/clue", "dataset/race", "dataset/weizmann", "dataset/electricity",
     "dataset/dtd", "dataset/codeforces", "dataset/switchboard", "dataset/superb", "dataset/smac", "dataset/crafter",
     "dataset/kodak", "dataset/reds", "dataset/cora", "dataset/citeseer", "dataset/pubmed", "dataset/zinc",
     "dataset/carla", "dataset/calvin", "dataset/the-colosseum", "dataset/common-crawl", "dataset/fgvc",
     "dataset/spring", "dataset/spice", "dataset/hle"}
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
    _hw("intel-piuma", "Intel PIUMA", "Intel", "asic", "PIUMA"),
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
    _hw("raspberry-pi-4", "Raspberry Pi 4", "Raspberry Pi", "embedded-board", "RPi 4, RPi4"),
    _hw("raspberry-pi-5", "Raspberry Pi 5", "Raspberry Pi", "embedded-board", "RPi 5"),
    _hw("xilinx-alveo-u280", "Xilinx Alveo U280", "Xilinx", "fpga", "Alveo U280, U280"),
    _hw("xilinx-alveo-u55c", "Xilinx Alveo U55C", "Xilinx", "fpga", "Alveo U55C, U55C"),
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
