"""A grammar for model names: one model id for every spelling of a family, version, size and variant.

``Llama-2-7B``, ``LLaMA2 7B``, ``Llama 2 (7B)`` and ``llama-2-7b-hf`` are all ``model/llama-2-7b``;
``Mixtral 8x7B`` is ``model/mixtral-8x7b``; ``Qwen3-30B-A3B`` is ``model/qwen-3-30b-a3b`` with 30e9
total and 3e9 active parameters; ``ViT-B/16`` is ``model/vit-b-16``; a name without a size is the
version-level model (``model/gpt-4``). The parts of a name keep their written order
(``Claude-instant-1`` -> ``model/claude-instant-1``, ``Phi 3.5-MoE (41.9B total/6.6B activated)``
-> ``model/phi-3.5-moe-41.9b``). The name stems (``llama``, ``mixtral``, ``resnet``) and the family
each belongs to are in :data:`STEMS`; how a number after the stem reads (a version as in ``Llama 3``,
a depth as in ``ResNet-50``) is a property of the stem.

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
>>> m = parse_model_name("Qwen3-30B-A3B"); (m.id, m.params, m.active_params)
('model/qwen-3-30b-a3b', 30000000000.0, 3000000000.0)
>>> [m.id for m in find_models("We test LLaMA-2 7B/13B and GPT-4, and Llama-1/2/3 models.")]
['model/llama-2-7b', 'model/llama-2-13b', 'model/gpt-4', 'model/llama', 'model/llama-2', 'model/llama-3']
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from kg.ids import slug
from loaders.mapping.text import _UNICODE_LOWERED, _unicode_lowered, first_char_groups, lowered, rx, stands_alone

NumberRole = Literal["version", "size", "none"]


@dataclass(frozen=True)
class Stem:
    """One name stem of the grammar (``llama``), the family it belongs to and how its names read."""

    key: str
    family: str
    arch: str
    numbers: NumberRole
    names: tuple[str, ...]
    case_sensitive: bool = False
    # a bare mention (no version, size or variant) is linked; off for names that are common words
    bare: bool = True
    vprefix: bool = False  # "MobileNetV2" keeps the "v" in its version
    id_key: str = ""  # an abbreviation written in ids as the stem it abbreviates ("SD3.5" is Stable Diffusion 3.5)


# key[=key written in ids] | family | arch | numbers | flags | spellings (comma separated)
# flags: c = case-sensitive first word, b = no bare link, v = keep a "v" prefix, n = (unused, named sizes).
_STEM_TABLE = """
llama          | llama      | transformer | version | -   | Meta-Llama, Llama, LLaMA, LLaMa, LLAMA
code-llama     | llama      | transformer | version | -   | Code Llama, CodeLlama, Code-Llama
tinyllama      | llama      | transformer | version | -   | TinyLlama
vicuna         | llama      | transformer | version | -   | Vicuna
alpaca         | llama      | transformer | version | c   | Alpaca
mistral        | mistral    | transformer | version | c   | Mistral
mixtral        | mixtral    | moe         | version | c   | Mixtral
qwen           | qwen       | transformer | version | -   | Qwen, QWen, QWEN
qwen-vl        | qwen       | transformer | version | -   | Qwen-VL
gemma          | gemma      | transformer | version | c   | Gemma
recurrentgemma | gemma      | hybrid      | version | -   | RecurrentGemma
phi            | phi        | transformer | version | cnb | Phi
gpt            | gpt        | transformer | version | cn  | GPT
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
minicpm        | minicpm    | transformer | version | -   | MiniCPM
minicpm-v      | minicpm    | transformer | version | -   | MiniCPM-V
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
granite-code   | granite    | transformer | version | c   | Granite Code
nemotron       | nemotron   | transformer | version | c   | Nemotron
nemotron-h     | nemotron   | hybrid      | none    | c   | Nemotron-H
falcon-h1      | falcon     | hybrid      | none    | c   | Falcon-H1
palm           | palm       | transformer | version | cb  | PaLM, Palm
gemini         | gemini     | transformer | version | c   | Gemini
claude         | claude     | transformer | version | c   | Claude
mamba          | mamba      | ssm         | version | -   | Mamba
vision-mamba   | mamba      | ssm         | none    | -   | Vision Mamba
vim            | mamba      | ssm         | size    | cb  | Vim
samba          | samba      | hybrid      | size    | c   | Samba
yoco           | yoco       | transformer | size    | c   | YOCO
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
vit            | vit        | transformer | size    | cn  | ViT
deit           | deit       | transformer | size    | cn  | DeiT
vivit          | vivit      | transformer | size    | c   | ViViT
m3vit          | m3vit      | moe         | none    | c   | M3ViT
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
u-net          | u-net      | cnn         | none    | c   | U-Net, UNet
sam            | sam        | transformer | version | c   | SAM, Segment Anything Model, Segment Anything
clip           | clip       | transformer | version | c   | CLIP
llava          | llava      | transformer | version | -   | LLaVA, LLaVa, Llava
video-llava    | llava      | transformer | version | -   | Video-LLaVA
moe-llava      | llava      | moe         | version | -   | MoE-LLaVA
blip           | blip       | transformer | version | c   | BLIP
stable-diffusion | stable-diffusion | diffusion | version | n | Stable Diffusion, Stable-Diffusion
stable-diffusion-xl | stable-diffusion | diffusion | none | -  | SDXL, Stable Diffusion XL, Stable-Diffusion-XL
dit            | dit        | diffusion   | size    | cb  | DiT
lightningdit   | dit        | diffusion   | size    | c   | LightningDiT
sit            | sit        | diffusion   | size    | cb  | SiT
pixart         | pixart     | diffusion   | version | -   | PixArt
flux           | flux       | diffusion   | version | c   | FLUX, Flux
sana           | sana       | diffusion   | version | cb  | Sana
wan            | wan        | diffusion   | version | cb  | Wan
skyreels       | skyreels   | diffusion   | version | c   | SkyReels, SkyReel
moviegen       | moviegen   | diffusion   | none    | c   | MovieGen, Movie Gen
ldm            | ldm        | diffusion   | size    | cb  | LDM
nllb           | nllb       | moe         | version | c   | NLLB
pangu          | pangu      | transformer | version | -   | Pangu, PanGu, Pangu-Σ
kimi           | kimi       | transformer | version | c   | Kimi
longcat        | longcat    | moe         | version | c   | LongCat
switch-transformer | switch-transformer | moe | size  | -   | Switch Transformer, SwitchTransformer, Switch-Transformer, Switch-Base, Switch-Large
turing-nlg     | turing-nlg | transformer | size    | -   | Turing-NLG, Turing NLG
megatron       | megatron   | transformer | size    | cb  | Megatron-LM, Megatron
alphafold      | alphafold  | transformer | version | c   | AlphaFold
centerpoint    | centerpoint | cnn        | none    | -   | CenterPoint
pointpillars   | pointpillars | cnn       | none    | -   | PointPillars
segformer      | segformer  | transformer | size    | -   | SegFormer
segnext        | segnext    | cnn         | size    | -   | SegNeXt
mask-rcnn      | mask-rcnn  | cnn         | none    | -   | Mask R-CNN, Mask-RCNN, Mask RCNN
faster-rcnn    | faster-rcnn | cnn        | none    | -   | Faster R-CNN, Faster-RCNN
detr           | detr       | transformer | none    | c   | DETR
shvit          | shvit      | transformer | size    | c   | SHViT
efficientvit   | efficientvit | transformer | size  | -   | EfficientViT
fastvit        | fastvit    | transformer | size    | -   | FastViT
levit          | levit      | transformer | size    | c   | LeViT
efficientformer | efficientformer | transformer | version | v | EfficientFormer
mobileone      | mobileone  | cnn         | size    | -   | MobileOne
ghostnet       | ghostnet   | cnn         | version | v   | GhostNet
x3d            | x3d        | cnn         | size    | c   | X3D
movinet        | movinet    | cnn         | size    | -   | MoViNet
pqrnn          | pqrnn      | rnn         | none    | -   | pQRNN
mbert          | bert       | transformer | size    | c   | mBERT
xlm-r          | xlm-r      | transformer | size    | c   | XLM-R, XLM-RoBERTa
text-davinci   | gpt        | transformer | version | -   | text-davinci, Text-Davinci
command-r      | command-r  | transformer | none    | -   | Command-R, Command R
s4             | s4         | ssm         | none    | c   | S4
dss            | dss        | ssm         | none    | c   | DSS
hyena          | hyena      | ssm         | size    | c   | Hyena
infinity       | infinity   | transformer | size    | c   | Infinity
var            | var        | transformer | size    | cb  | VAR
sd=stable-diffusion | stable-diffusion | diffusion | version | cb  | SD
pixart-alpha   | pixart     | diffusion   | none    | -   | PixArt-α, PixArt-alpha
mpt            | mpt        | transformer | size    | c   | MPT
cerebras-gpt   | cerebras-gpt | transformer | size  | -   | Cerebras-GPT
stablelm       | stablelm   | transformer | version | -   | StableLM
openllama      | llama      | transformer | version | -   | OpenLLaMA
sheared-llama  | llama      | transformer | version | -   | Sheared-LLaMA
longchat       | llama      | transformer | version | -   | LongChat
wizardlm       | llama      | transformer | version | cb  | WizardLM
wizardcoder    | wizardcoder | transformer | version | -  | WizardCoder
zephyr         | zephyr     | transformer | version | cb  | Zephyr
solar          | solar      | transformer | version | cb  | SOLAR
orca           | orca       | transformer | version | cb  | Orca
ernie          | ernie      | transformer | version | c   | ERNIE
ernie-titan    | ernie      | transformer | version | c   | ERNIE TITAN, ERNIE Titan
grok           | grok       | transformer | version | cb  | Grok
gopher         | gopher     | transformer | size    | c   | Gopher
chinchilla     | chinchilla | transformer | size    | cb  | Chinchilla
lamda          | lamda      | transformer | size    | c   | LaMDA
galactica      | galactica  | transformer | size    | c   | Galactica
bloomz         | bloom      | transformer | size    | c   | BLOOMZ
ul2            | ul2        | transformer | size    | c   | UL2
flan-ul2       | ul2        | transformer | size    | c   | Flan-UL2
dbrx           | dbrx       | moe         | none    | c   | DBRX
hunyuan        | hunyuan    | transformer | version | -   | Hunyuan, HunYuan
minimax        | minimax    | moe         | version | cb  | MiniMax
skywork        | skywork    | transformer | version | b   | Skywork
qwq            | qwen       | transformer | version | c   | QwQ
codeqwen       | qwen       | transformer | version | -   | CodeQwen
codegemma      | gemma      | transformer | version | -   | CodeGemma
paligemma      | gemma      | transformer | version | -   | PaliGemma
smollm         | smollm     | transformer | version | -   | SmolLM
mobilellm      | mobilellm  | transformer | size    | -   | MobileLLM
openelm        | openelm    | transformer | size    | -   | OpenELM
instructgpt    | gpt        | transformer | none    | -   | InstructGPT
codex          | gpt        | transformer | none    | c   | Codex
santacoder     | starcoder  | transformer | size    | -   | SantaCoder
codegen        | codegen    | transformer | version | cb  | CodeGen
codet5         | codet5     | transformer | size    | -   | CodeT5
incoder        | incoder    | transformer | size    | -   | InCoder
alphacode      | alphacode  | transformer | version | c   | AlphaCode
xlnet          | xlnet      | transformer | size    | -   | XLNet
spanbert       | bert       | transformer | size    | -   | SpanBERT
mobilebert     | bert       | transformer | size    | -   | MobileBERT
sentence-bert  | bert       | transformer | none    | -   | Sentence-BERT, SBERT
minilm         | minilm     | transformer | version | v   | MiniLM
colbert        | colbert    | transformer | version | cv  | ColBERT
contriever     | contriever | transformer | none    | -   | Contriever
bge            | bge        | transformer | version | cb  | BGE
evolved-transformer | evolved-transformer | transformer | size | - | Evolved Transformer
pegasus        | pegasus    | transformer | size    | c   | PEGASUS, Pegasus
mbart          | bart       | transformer | size    | c   | mBART
byt5           | t5         | transformer | size    | c   | ByT5
m2m-100        | m2m-100    | transformer | none    | c   | M2M-100
googlenet      | inception  | cnn         | none    | -   | GoogLeNet
xception       | xception   | cnn         | none    | -   | Xception
nasnet         | nasnet     | cnn         | none    | c   | NASNet
amoebanet      | amoebanet  | cnn         | none    | -   | AmoebaNet
fbnet          | fbnet      | cnn         | version | cv  | FBNet
mcunet         | mcunet     | cnn         | version | v   | MCUNet
repvgg         | repvgg     | cnn         | none    | c   | RepVGG
hrnet          | hrnet      | cnn         | version | cv  | HRNet
senet          | senet      | cnn         | size    | c   | SENet
se-resnet      | senet      | cnn         | size    | c   | SE-ResNet
se-resnext     | senet      | cnn         | size    | c   | SE-ResNeXt
resnest        | resnest    | cnn         | size    | c   | ResNeSt
res2net        | res2net    | cnn         | size    | -   | Res2Net
darknet        | darknet    | cnn         | size    | c   | Darknet, DarkNet, CSPDarknet
pvt            | pvt        | transformer | version | cv  | PVT
cait           | cait       | transformer | size    | c   | CaiT
crossvit       | crossvit   | transformer | size    | -   | CrossViT
cvt            | cvt        | transformer | size    | cb  | CvT
t2t-vit        | t2t-vit    | transformer | size    | c   | T2T-ViT
poolformer     | poolformer | transformer | size    | -   | PoolFormer
maxvit         | maxvit     | transformer | size    | -   | MaxViT
coatnet        | coatnet    | transformer | size    | -   | CoAtNet
beit           | beit       | transformer | version | cv  | BEiT
dino           | dino       | transformer | version | cvb | DINO
grounding-dino | dino       | transformer | none    | -   | Grounding DINO, GroundingDINO
siglip         | siglip     | transformer | version | c   | SigLIP
instructblip   | blip       | transformer | version | -   | InstructBLIP
flamingo       | flamingo   | transformer | size    | c   | Flamingo
openflamingo   | flamingo   | transformer | size    | -   | OpenFlamingo
kosmos         | kosmos     | transformer | version | c   | Kosmos, KOSMOS
minigpt        | minigpt    | transformer | version | -   | MiniGPT
mplug-owl      | mplug-owl  | transformer | version | -   | mPLUG-Owl
cogvlm         | cogvlm     | transformer | version | -   | CogVLM
cogvideox      | cogvideo   | diffusion   | version | -   | CogVideoX
cogvideo       | cogvideo   | diffusion   | version | -   | CogVideo
idefics        | idefics    | transformer | version | -   | IDEFICS, Idefics
rt-detr        | detr       | transformer | version | c   | RT-DETR
deformable-detr | detr      | transformer | none    | -   | Deformable DETR, Deformable-DETR
retinanet      | retinanet  | cnn         | none    | -   | RetinaNet
fcos           | fcos       | cnn         | none    | c   | FCOS
centernet      | centernet  | cnn         | none    | -   | CenterNet
cascade-rcnn   | cascade-rcnn | cnn       | none    | -   | Cascade R-CNN, Cascade RCNN, Cascade-RCNN
efficientdet   | efficientdet | cnn       | none    | -   | EfficientDet
mask2former    | mask2former | transformer | none   | -   | Mask2Former
maskformer     | maskformer | transformer | none    | -   | MaskFormer
deeplab        | deeplab    | cnn         | version | v   | DeepLab
pspnet         | pspnet     | cnn         | none    | -   | PSPNet
fcn            | fcn        | cnn         | size    | c   | FCN
deconvnet      | deconvnet  | cnn         | none    | c   | DeconvNet
segnet         | segnet     | cnn         | none    | c   | SegNet
efficientsam   | sam        | transformer | none    | -   | EfficientSAM
mobilesam      | sam        | transformer | none    | -   | MobileSAM
fastsam        | sam        | transformer | none    | -   | FastSAM
pointnet       | pointnet   | mlp         | none    | -   | PointNet
pointnet-plus-plus | pointnet | mlp       | none    | -   | PointNet++
dgcnn          | dgcnn      | gnn         | none    | c   | DGCNN
point-transformer | point-transformer | transformer | version | cv | Point Transformer
pointmlp       | pointmlp   | mlp         | none    | -   | PointMLP
pointnext      | pointnext  | mlp         | none    | -   | PointNeXt
dall-e         | dall-e     | diffusion   | version | c   | DALL-E, DALL·E, DALLE
imagen         | imagen     | diffusion   | version | c   | Imagen
midjourney     | midjourney | diffusion   | version | -   | Midjourney
sora           | sora       | diffusion   | none    | c   | Sora
open-sora      | open-sora  | diffusion   | version | -   | Open-Sora, OpenSora
hunyuanvideo   | hunyuan    | diffusion   | none    | -   | HunyuanVideo
stable-video-diffusion | stable-diffusion | diffusion | none | - | Stable Video Diffusion
kandinsky      | kandinsky  | diffusion   | version | -   | Kandinsky
vqgan          | vqgan      | cnn         | none    | c   | VQGAN
maskgit        | maskgit    | transformer | none    | -   | MaskGIT
llamagen       | llamagen   | transformer | none    | -   | LlamaGen
u-vit          | u-vit      | transformer | size    | c   | U-ViT
hubert         | hubert     | transformer | size    | c   | HuBERT
wavlm          | wavlm      | transformer | size    | -   | WavLM
seamlessm4t    | seamless   | transformer | version | -   | SeamlessM4T
owsm           | owsm       | transformer | version | c   | OWSM
canary         | canary     | transformer | size    | cb  | Canary
parakeet       | parakeet   | transformer | size    | cb  | Parakeet
tacotron       | tacotron   | rnn         | version | -   | Tacotron
fastspeech     | fastspeech | transformer | version | -   | FastSpeech
hifi-gan       | hifi-gan   | cnn         | none    | -   | HiFi-GAN, HiFiGAN
wavenet        | wavenet    | cnn         | none    | -   | WaveNet
waveglow       | waveglow   | cnn         | none    | -   | WaveGlow
vall-e         | vall-e     | transformer | none    | c   | VALL-E
encodec        | encodec    | cnn         | none    | -   | EnCodec
soundstream    | soundstream | cnn        | none    | -   | SoundStream
audiolm        | audiolm    | transformer | none    | -   | AudioLM
musicgen       | musicgen   | transformer | size    | -   | MusicGen
quartznet      | quartznet  | cnn         | size    | -   | QuartzNet
deepspeech     | deepspeech | rnn         | version | -   | DeepSpeech
ecapa-tdnn     | ecapa-tdnn | cnn         | none    | c   | ECAPA-TDNN
demucs         | demucs     | cnn         | version | -   | Demucs
conv-tasnet    | conv-tasnet | cnn        | none    | -   | Conv-TasNet, ConvTasNet
sepformer      | sepformer  | transformer | none    | -   | SepFormer
dprnn          | dprnn      | rnn         | none    | c   | DPRNN
gato           | gato       | transformer | none    | c   | Gato
openvla        | openvla    | transformer | size    | -   | OpenVLA
cogact         | cogact     | transformer | none    | c   | CogACT
dlrm           | dlrm       | mlp         | none    | c   | DLRM
esm            | esm        | transformer | version | cb  | ESM
esmfold        | esm        | transformer | none    | -   | ESMFold
minitron       | minitron   | transformer | size    | -   | Minitron
mobillama      | llama      | transformer | size    | -   | MobiLlama
resmlp         | resmlp     | mlp         | size    | -   | ResMLP
gmlp           | gmlp       | mlp         | size    | c   | gMLP
convmixer      | convmixer  | cnn         | size    | -   | ConvMixer
repvit         | repvit     | cnn         | size    | -   | RepViT
edgevit        | edgevit    | transformer | size    | -   | EdgeViT
edgenext       | edgenext   | cnn         | size    | -   | EdgeNeXt
tinyvit        | tinyvit    | transformer | size    | -   | TinyViT
mobile-former  | mobile-former | transformer | size | -   | Mobile-Former, MobileFormer
nfnet          | nfnet      | cnn         | size    | c   | NFNet
internimage    | internimage | cnn        | size    | -   | InternImage
focalnet       | focalnet   | transformer | size    | -   | FocalNet
vmamba         | mamba      | ssm         | size    | -   | VMamba
vitdet         | vitdet     | transformer | size    | -   | ViTDet
owl-vit        | owl-vit    | transformer | version | c   | OWL-ViT
glip           | glip       | transformer | version | c   | GLIP
oneformer      | oneformer  | transformer | none    | -   | OneFormer
upernet        | upernet    | cnn         | none    | -   | UperNet, UPerNet
bisenet        | bisenet    | cnn         | version | v   | BiSeNet
ddrnet         | ddrnet     | cnn         | size    | c   | DDRNet
pidnet         | pidnet     | cnn         | size    | c   | PIDNet
animatediff    | animatediff | diffusion  | none    | -   | AnimateDiff
ltx-video      | ltx-video  | diffusion   | none    | c   | LTX-Video
pali           | pali       | transformer | version | c   | PaLI
fuyu           | fuyu       | transformer | size    | c   | Fuyu
molmo          | molmo      | transformer | size    | c   | Molmo
pixtral        | pixtral    | transformer | size    | -   | Pixtral
nvlm           | nvlm       | transformer | version | c   | NVLM
vila           | vila       | transformer | version | c   | VILA
sharegpt4v     | sharegpt4v | transformer | size    | -   | ShareGPT4V
mobilevlm      | mobilevlm  | transformer | version | -   | MobileVLM
tinyllava      | llava      | transformer | version | -   | TinyLLaVA
data2vec       | data2vec   | transformer | version | -   | data2vec, Data2Vec
speecht5       | speecht5   | transformer | none    | -   | SpeechT5
fastpitch      | fastpitch  | transformer | none    | -   | FastPitch
glow-tts       | glow-tts   | transformer | none    | -   | Glow-TTS
grad-tts       | grad-tts   | diffusion   | none    | -   | Grad-TTS
bigvgan        | bigvgan    | cnn         | none    | -   | BigVGAN
melgan         | melgan     | cnn         | none    | -   | MelGAN
esrgan         | esrgan     | cnn         | none    | c   | ESRGAN
real-esrgan    | esrgan     | cnn         | none    | c   | Real-ESRGAN
srgan          | srgan      | cnn         | none    | c   | SRGAN
cosyvoice      | cosyvoice  | transformer | version | -   | CosyVoice
soundstorm     | soundstorm | transformer | none    | -   | SoundStorm
musiclm        | musiclm    | transformer | none    | -   | MusicLM
audiogen       | audiogen   | transformer | none    | -   | AudioGen
rosettafold    | rosettafold | transformer | version | -  | RoseTTAFold
graphcast      | graphcast  | gnn         | none    | -   | GraphCast
fourcastnet    | fourcastnet | transformer | none    | -   | FourCastNet
pangu-weather  | pangu-weather | transformer | none  | -   | Pangu-Weather
"""

def _parse_table(table: str) -> tuple[Stem, ...]:
    stems = []
    for line in table.strip().splitlines():
        key, family, arch, numbers, flags, names = (c.strip() for c in line.split("|"))
        key, _, id_key = key.partition("=")
        stems.append(
            Stem(
                key=key, family=family, arch=arch, id_key=id_key,
                numbers=numbers,  # type: ignore[arg-type]
                names=tuple(n.strip() for n in names.split(",")),
                case_sensitive="c" in flags, bare="b" not in flags, vprefix="v" in flags,
            )
        )
    return tuple(stems)


STEMS: tuple[Stem, ...] = _parse_table(_STEM_TABLE)
"""The name stems the grammar knows, each with its family and architecture class."""

_BY_KEY: dict[str, Stem] = {s.key: s for s in STEMS}
STEM_KEYS: frozenset[str] = frozenset(_BY_KEY)


def _fold(s: str) -> str:
    return rx(r"[\s-]+").sub(" ", s.lower())


_BY_SPELLING: dict[str, Stem] = {}
for _s in STEMS:
    for _n in _s.names:
        _BY_SPELLING.setdefault(_fold(_n), _s)

# the spellings with their spaces and hyphens left out: "QwenVL" is Qwen-VL as "QwenVL-Chat" writes it
_BY_FLAT: dict[str, Stem] = {}
for _s in STEMS:
    for _n in _s.names:
        _BY_FLAT.setdefault(_fold(_n).replace(" ", ""), _s)

_SPELLINGS = sorted({n for s in STEMS for n in s.names}, key=len, reverse=True)


def _alternative(spelling: str) -> str:
    return re.escape(spelling).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?")


# One automaton over every stem spelling; the rest of a name is parsed from the match on.
_STEM_RE = re.compile(
    r"(?<![A-Za-z0-9])(?<![A-Za-z0-9]-)(" + "|".join(map(_alternative, _SPELLINGS)) + r")", re.IGNORECASE)
# The same automaton for the lowercase form of an ASCII text (same spans): case-sensitive, the engine
# skips the alternatives whose first letter differs instead of entering each (a fourth of the time).
# (it holds for ASCII text because no spelling has a non-ASCII letter that lowercases to an ASCII one)
# (its alternatives grouped by their first letter, each group in their order: a match tries one group, not
# the ~400 alternatives; the first that matches is the same, as two that start with other letters never both do)
_STEM_LOW_RE = re.compile(
    r"(?<![a-z0-9])(?<![a-z0-9]-)(" + first_char_groups([_alternative(n.lower()) for n in _SPELLINGS]) + r")")

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_PREFIX2 = frozenset(n[:2].lower() for n in _SPELLINGS)  # compared with the raw text at a word start


def _head(spelling: str) -> str:
    """What every match of a spelling starts with (lowercase): its letters up to the first space or
    hyphen (which the pattern makes optional) or non-ASCII letter, at most six."""
    head = re.split(r"[\s-]", spelling.lower(), maxsplit=1)[0][:6]
    return head[: next((i for i, c in enumerate(head) if not c.isascii()), len(head))]


# a finer filter than _PREFIX2: ~1 in 10 of the words it lets through start a stem's head, and the
# big stem automaton is tried only at those (prefix -> the heads that agree with it)
_HEADS = frozenset(_head(n) for n in _SPELLINGS)
_START = re.Match.start
_HEADS_BY_PREFIX2 = {p: tuple(h for h in _HEADS if h.startswith(p) or p.startswith(h)) for p in _PREFIX2}
# what a word that passes both filters starts with, lowercase (a head, or the prefix where the head is one
# letter): one pattern finds these few words in an ASCII text's lowercase form, instead of a Python step for
# each word (~25 per word that passes). A trie: a flat alternation of ~130 words is tried word by word at
# every letter. (No opener holds a letter after a non-alphanumeric character, so no word start lies inside
# a match: see tests/test_mapping_fastpaths.py)
_OPENER_WORDS = frozenset(h if len(h) >= 2 else p for p, hs in _HEADS_BY_PREFIX2.items() for h in hs)


def _trie(words: Iterable[str]) -> str:
    """A pattern that matches exactly ``words``, sharing their prefixes.

    >>> _trie(["ab", "abc", "ad", "x"])
    '(?:a(?:b(?:c)?|d)|x)'
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        groups.setdefault(w[:1], []).append(w[1:])
    optional = groups.pop("", None) is not None
    alts = [re.escape(c) + _trie(rest) for c, rest in groups.items()]
    if not alts:
        return ""
    if len(alts) == 1 and not optional:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" + ("?" if optional else "")


# (a word start is a letter after no letter: a word boundary, or digits or "_", the caller checks which.
# In the lowercase ASCII text the openers with no letter before them, ``(?<![a-z])`` and the trie, are found as
# an opener at the start and each opener after a character that is no letter: that character taken, the engine
# skips ahead to those, a fifth of a text's characters, instead of trying a lookbehind at every position)
_OPENER_AT = re.compile(_trie(_OPENER_WORDS))
_OPENER_AFTER = re.compile(r"[^a-z](?=(" + _trie(_OPENER_WORDS) + "))")
_OPENER_SPAN = operator.methodcaller("span", 1)


def _opening_words(text: str, low: str | None, start: int, stop: int) -> Iterator[int]:
    """Starts of the words of ``text[start:stop]`` (:data:`_WORD`) that open with a stem's head (see
    :data:`_HEADS_BY_PREFIX2`); ``low``: ``text`` lowered where that keeps every offset and lowercases no
    letter onto an ASCII one (an ASCII text, or one without the letters of :data:`text._FOLDS_TO_ASCII`),
    else None."""
    if low is None:
        for q in map(_START, _WORD.finditer(text, start, stop)):
            key = text[q : q + 6]
            # (case-insensitive matching folds a few non-ASCII letters onto ASCII ones: such text is always tried)
            if key[:2].lower() in _PREFIX2 and (not key.isascii() or key.lower().startswith(_HEADS_BY_PREFIX2[key[:2].lower()])):
                yield q
        return
    # (the words begin at ``start`` as the loop above reads them: the text before it is cut off, not looked at)
    seg = low[start:] if start else low
    # (the openers with no letter before them as ``finditer`` finds them: each after the end of the one taken
    # before it; openers with digits or a hyphen inside, "t5", "u-", may hold the start of another)
    taken = 0
    at = _OPENER_AT.match(seg)
    for q, end in itertools.chain(((0, at.end()),) if at is not None else (),
                                  map(_OPENER_SPAN, _OPENER_AFTER.finditer(seg))):
        if q < taken:
            continue
        taken = end
        if q + start >= stop:
            return
        # a word starts at a letter with no letter in the run of digits before it ("7B" is a word, "a7b" one word)
        # (ASCII ones: a word of :data:`_WORD` holds no other)
        j = q - 1
        while j >= 0 and "0" <= seg[j] <= "9":
            j -= 1
        if j < 0 or not "a" <= seg[j] <= "z":
            yield q + start


# words that may follow a name as part of it ("-Instruct", " Chat", "-Turbo", "-NeXT")
_LINE_WORDS = frozenset(
    """chat instruct it base coder code vl vision math sft rlhf dpo distill preview moe deep omni reasoning turbo pro
    flash lite mini tiny nano micro small medium large xl xxl xs xxs huge giant plus max air instant bison next ultra
    linear stream long thinking schnell kontext""".split()
)
_NAMED_SIZE_WORDS = frozenset("base large small medium tiny mini xl xxl huge".split())
# after a space only these continue a name ("Mistral 7B Instruct", "Kimi Linear", "Pangu Ultra")
_SPACED_LINE_WORDS = frozenset("chat instruct base linear ultra moe turbo pro mini vl coder flash lite".split())
# "GPT-3 Large Language Model": the words of a phrase that starts with a size word, not a named size
_NOT_A_NAMED_SIZE = re.compile(r"\s+(?:language|models?|scale|vision|multimodal|foundation|reasoning)\b", re.I)
# words glued to a name that make it another word ("Llama-based", "Mamba-Transformer")
_COMPOUND_STOP = frozenset(
    """like style inspired type esque ish scale level sized size parameter parameters param params model models
    family series class only free aware specific generated powered tuned guided friendly compatible native centric
    oriented agnostic enabled driven equivalent sized family's""".split()
)
_ARCH_FOLLOW = re.compile(r"\s(?:architecture|architectures|blocks?|layers?|modules?|backbones?|-style|structure|"
                          r"mechanism|variants?)\b", re.I)
FIRST_UNNUMBERED = frozenset({"llama", "mamba", "qwen", "sam"})
# what lies between two items of a list of names
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")
"""Stems whose first version is written without a number ("Llama", "Mamba", "Qwen")."""

_NUM = r"\d+(?:\.\d+)?"
_SEP = r"(?:\s?-\s?|_|\s)"
_PARAM = rf"(?:({_NUM})\s?([BMKT])(?![A-Za-z0-9])|({_NUM})[\s-]?(billion|million)\b)"

_ACR_PAREN = re.compile(r"\s?\([A-Z][A-Za-z0-9]{0,6}\)(?=\s?[-\s]?[vV]?\d)")
_VERSION_RE = re.compile(
    rf"(?:{_SEP}?[vV]\s?|{_SEP}?)(\d+(?:\.\d+)*)([a-z])?(?![\d.]*\s?(?:[BMKbmk](?![A-Za-z])|billion|million))"
    r"(?![A-Za-z0-9]|\.\d)"
)
_DOT_VERSIONED = frozenset({"flux"})
_DOT_VERSION_RE = re.compile(r"\.(\d+(?:\.\d+)?)(?![A-Za-z0-9]|\.\d)")
_BRACKET_VARIANT_RE = re.compile(r"\s?\[([A-Za-z][A-Za-z0-9-]{1,11})\]")
_VERSION_LIST_RE = re.compile(r"/(\d+(?:\.\d+)?)(?![\d.]*\s?[BMbm](?![A-Za-z]))(?![A-Za-z0-9])")
_LETTER_VERSION_LIST_RE = re.compile(r"/([VRH])(\d+(?:\.\d+)?)(?![A-Za-z0-9])")
_GPT_VERSION_RE = re.compile(r"(?:-|\s)?(\d+(?:\.\d+)*)(o|v)(?![A-Za-z0-9])")
_LETTER_VERSION_RE = re.compile(r"(?:-|\s)?([VRH])(\d+(?:\.\d+)?)(?![A-Za-z0-9])")
_MOE_SIZE_RE = re.compile(rf"{_SEP}?\(?\s?(\d+)\s?[x×]\s?({_NUM})\s?([BM])(?![A-Za-z0-9])", re.I)
_SIZE_RE = re.compile(rf"{_SEP}?\(?\s?{_PARAM}(?:\s?total\b)?", re.I)
_ACTIVE_RE = re.compile(rf"(?:-|\s|/)?A({_NUM})B(?![A-Za-z0-9])")
_ACTIVE_PAREN_RE = re.compile(rf"\s?/\s?({_NUM})\s?B\s?(?:activ\w*|active)(?:\s?param\w*)?\)?", re.I)
_PATCH_RE = re.compile(r"(?:-|\s)(XL|[BSLHGT]i?|[bslhgt])/(\d{1,2})(?![A-Za-z0-9])")
# stems whose sizes carry a patch size after a slash ("ViT-B/16", "DiT-XL/2", "LightningDiT-B/1")
_PATCHED = frozenset({"vit", "deit", "clip", "dit", "lightningdit", "sit"})
# ("-s" in lowercase only after a hyphen: "EfficientFormerV2-s"; "Ti" is the tiny size: "DeiT-Ti", "Vim-Ti")
_LETTER_SIZE_RE = re.compile(r"(?:-|\s)(Ti|[BSLMHT]\d?|B[0-7]|L2|[SML]\d{1,2})(?![A-Za-z0-9/])|-([bslmt])(?![A-Za-z0-9/])")
# a size letter glued to a "V" version, more letters after slashes: "EfficientNetV2S/M"
_GLUED_VERSION_SIZE_RE = re.compile(r"[vV](\d+)([SMLBT])(?![A-Za-z0-9])")
_LETTER_SIZE_LIST_RE = re.compile(r"/([SMLBT])(?![A-Za-z0-9/])")
_DEPTH_RE = re.compile(r"(?:-|\s)?(\d{1,3})(?![\d.]*\s?(?:[BMKbmk](?![A-Za-z])|billion|million|%))(?![A-Za-z0-9]|\.\d)")
_DEPTH_LIST_RE = re.compile(r"/(\d{2,3})(?![A-Za-z0-9]|\.\d)")  # "ResNet50/101": one model per depth
_YOLO_RE = re.compile(r"[vV]?(\d+)([nsmlx])?(?![A-Za-z0-9])")
_GLUED_TOKEN_RE = re.compile(r"-([A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9])")
_SPACED_TOKEN_RE = re.compile(r"[ _]([A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9])")
_CLOSE_RE = re.compile(r"\s?\)")
_MORE_SIZES_RE = re.compile(rf"(\s?(?:/|,|and|&|or|to)\s?(?:and\s)?)\(?{_PARAM}")
_MORE_MOE_RE = re.compile(rf"(\s?(?:/|,|and|&|or|to)\s?)(\d+)\s?[x×]\s?({_NUM})\s?([BM])(?![A-Za-z0-9])", re.I)
_LETTER_VERSIONED = frozenset({"deepseek", "falcon-h1", "qwen", "nemotron-h", "deepseek-coder", "skyreels"})
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12, "million": 1e6, "billion": 1e9}


@dataclass(frozen=True)
class ModelName:
    """A parsed model name and where it was found; ``parts`` follow the stem in written order."""

    stem: str
    family: str
    arch: str
    parts: tuple[str, ...] = ()
    version: str = ""
    size: str = ""
    variant: str = ""
    params: float | None = None
    active_params: float | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    bare: bool = field(default=False, compare=False)
    first_version: bool = field(default=False, compare=False)  # "Llama-1", "Mamba1": the v1 model, not the family

    @property
    def id(self) -> str:
        """``model/<stem>[-<version>]-<size>[-<variant>]`` (docs/conventions.md)."""
        return "model/" + "-".join(slug(p) for p in (self.stem, *self.parts) if slug(p))

    @property
    def family_id(self) -> str:
        return f"family/{self.family}"

    @property
    def name(self) -> str:
        """A readable canonical name, e.g. ``Llama 2 7B Chat``.

        >>> [parse_model_name(n).name for n in ("GPT-4o", "Qwen2.5-VL-7B", "efficientnet-b7", "ViT-B/16", "YOLOv8n")]
        ['GPT-4o', 'Qwen2.5-VL 7B', 'EfficientNet-B7', 'ViT-B/16', 'YOLOv8n']
        """
        if self.stem not in _BY_KEY:
            # a coined name as written, without the sentence's punctuation; a part it already ends with
            # ("KOALA-700M", "EfficientVMamba-S") is not said twice
            words = self.text.split()
            stem = words[0].rstrip(".,;:") if words else self.stem
            for n in range(2, len(words) + 1):
                if slug(" ".join(words[:n])) == self.stem:  # a stem of several words: "Kimi Linear"
                    stem = " ".join(words[:n]).rstrip(".,;:")
            parts = tuple(p for p in self.parts if not stem.lower().endswith("-" + p.lower()))
            return " ".join([stem, *(p.upper() if _SIZE_PART.fullmatch(p) else p for p in parts)])
        # a catalog model reads as its makers write it: "GPT-4o", "Qwen2.5-VL 7B", "EfficientNet-B7",
        # "MobileNetV3 Large", "Llama 3.1 70B Instruct" (the id, not the name, is what all spellings share)
        st = _BY_KEY[self.stem]
        out = st.names[0].replace("Meta-", "")
        spaced = " " in out
        glued = False  # the version was joined to the stem without a space: a short code then follows by hyphen
        for i, p in enumerate(self.parts):
            shown = _shown_part(p)
            if spaced:
                out += " " + shown  # "Switch Transformer C2048", "Stable Diffusion 3.5"
            elif i == 0 and p == self.version and _V_VERSION.fullmatch(p) and self.stem not in _HYPHEN_VERSIONS:
                out += ("v" if self.stem == "yolo" else "V") + p[1:]
                glued = True
            elif i == 0 and p == self.version and self.stem in _GLUED_VERSIONS:
                out += p
                glued = True
            elif i == 0 and (p == self.version and self.stem in _HYPHEN_VERSIONS or st.numbers == "size"
                             and p.isdigit() or _CODE_PART.fullmatch(p) or _LETTER_CODE.fullmatch(p)):
                out += "-" + shown  # "GPT-4", "VGG-16", "EfficientNet-B7", "ViT-B", "DeiT-Ti"
                glued = True
            elif glued and self.stem == "yolo":
                out += p  # "YOLOv8n"
            elif i == 0 and self.stem in _PATCHED and (patched := _PATCHED_PART.fullmatch(p)) is not None:
                out += f"-{_shown_part(patched.group(1))}/{patched.group(2)}"  # "ViT-B/16": size and patch size
                glued = True
            elif glued and len(p) <= 3 and not _SIZE_PART.fullmatch(p):
                out += "-" + shown  # "Qwen2.5-VL", "EfficientNetV2-M"
            else:
                out += " " + shown
                glued = False
        return out

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


_SIZE_PART = re.compile(r"[\d.x]+[bmkt]")
_V_VERSION = re.compile(r"v\d+(?:\.\d+)?")
# a variant code of letters and digits ("b7", "l1", "sa12", "r1") or a size letter ("b", "xl", "ti"), in capitals
_CODE_PART = re.compile(r"[a-z]{1,2}\d+")
_LETTER_CODE = re.compile(r"x{0,2}[sml]|[bhgtn]|ti")
_PATCHED_PART = re.compile(r"(xl|[bslhgt]i?)-(\d{1,2})")
# stems their makers join to the version with a hyphen ("GPT-4", "Phi-3", "Mamba-2") or with nothing ("Qwen2.5")
_HYPHEN_VERSIONS = frozenset({"gpt", "phi", "mamba", "rwkv", "llava", "deepseek", "deepseek-coder", "falcon-h1",
                              "nemotron-h", "t5", "bloom", "opt", "pythia", "skyreels", "nllb", "text-davinci"})
_GLUED_VERSIONS = frozenset({"qwen", "qwen-vl", "internlm", "internvl", "minicpm", "olmo", "baichuan", "starcoder"})
# (the few variants whose makers keep them in lower case or spell them in mixed case)
_PART_SPELLINGS = {"ti": "Ti", "moe": "MoE", "next": "NeXT", "mini": "mini", "vl": "VL", "it": "IT"}


def _shown_part(part: str) -> str:
    """How a part of a catalog model's name is written: sizes and codes in capitals, words capitalised.

    >>> [_shown_part(p) for p in ("7b", "8x7b", "b7", "xl", "instruct", "pro", "3.5", "ti", "4o")]
    ['7B', '8x7B', 'B7', 'XL', 'Instruct', 'Pro', '3.5', 'Ti', '4o']
    """
    if part in _PART_SPELLINGS:
        return _PART_SPELLINGS[part]
    if _SIZE_PART.fullmatch(part):
        return part.upper().replace("X", "x")  # "8x7B"
    if _CODE_PART.fullmatch(part) or _LETTER_CODE.fullmatch(part):
        return part.upper()
    return part[:1].upper() + part[1:] if part[:1].isalpha() else part


def _params(num: str, unit: str) -> float:
    return round(float(num) * _SCALE[unit.lower()], 0)


def _size_text(num: str, unit: str) -> str:
    unit = unit.lower()
    return f"{num}{ {'million': 'm', 'billion': 'b'}.get(unit, unit) }"


def _match_stem(surface: str, repo: bool = False) -> Stem | None:
    """The stem ``surface`` spells; ``repo``: it is the name part of a hub repository id ("google/gemma-2-9b-it"),
    which is lowercase by custom and never the common word a case-sensitive stem guards against."""
    exact = _BY_SPELLING.get(_fold(surface))
    glued = exact is None
    stem = _BY_FLAT.get(_fold(surface).replace(" ", "")) if exact is None else exact
    if stem is None:
        return None
    if stem.case_sensitive and not repo:
        first = rx(r"[\s-]").split(surface)[0]
        if not any((first.startswith if glued else first.__eq__)(rx(r"[\s-]").split(n)[0]) for n in stem.names):
            return None
    return stem


@dataclass
class _State:
    parts: list[str] = field(default_factory=list)
    version: str = ""
    size: str = ""
    variant: list[str] = field(default_factory=list)
    params: float | None = None
    active: float | None = None
    first: bool = False
    extra: list[tuple[str, str, float | None, int, int]] = field(default_factory=list)  # (kind, value, params, s, e)


def _parse_tail(text: str, pos: int, stem: Stem) -> tuple[_State, int]:
    """Read version, size, line words and variants after a stem, in written order."""
    st = _State()
    end = pos
    for _ in range(8):
        start_round = end
        if (am := _ACR_PAREN.match(text, end)) and not st.parts:
            end = am.end()  # "Stable Diffusion (SD) V2.1": the acronym sits between name and version
        # -- version (first thing after the stem, or after a line word: "Claude-instant-1")
        if not st.version and not st.size and not _MOE_SIZE_RE.match(text, end):
            lm = _LETTER_VERSION_RE.match(text, end)
            if lm and (stem.key in _LETTER_VERSIONED or (stem.vprefix and lm.group(1) == "V")):
                st.version = lm.group(1).lower() + lm.group(2)
                st.parts.append(st.version)
                end = lm.end()
                # "DeepSeek-V3/R1": one model per listed version
                while (lv := _LETTER_VERSION_LIST_RE.match(text, end)):
                    st.extra.append(("version", lv.group(1).lower() + lv.group(2), None, lv.start() + 1, lv.end()))
                    end = lv.end()
                continue
            if stem.key == "yolo":
                ym = _YOLO_RE.match(text, end)
                if ym:
                    st.version = "v" + ym.group(1)
                    st.parts.append(st.version)
                    if ym.group(2):
                        st.size = ym.group(2)
                        st.parts.append(st.size)
                    end = ym.end()
                    continue
            elif stem.numbers == "version":
                if stem.vprefix and (gs := _GLUED_VERSION_SIZE_RE.match(text, end)):
                    st.version, st.size = "v" + gs.group(1), gs.group(2).lower()
                    st.parts += [st.version, st.size]
                    end = gs.end()
                    while (ls := _LETTER_SIZE_LIST_RE.match(text, end)):
                        st.extra.append(("size", ls.group(1).lower(), None, ls.start() + 1, ls.end()))
                        end = ls.end()
                    continue
                gm = _GPT_VERSION_RE.match(text, end) if stem.key == "gpt" else None
                vm = _VERSION_RE.match(text, end)
                if gm:
                    st.version = gm.group(1) + gm.group(2)
                    end = gm.end()
                elif stem.key in _DOT_VERSIONED and (dv := _DOT_VERSION_RE.match(text, end)):
                    st.version = dv.group(1)  # "FLUX.1": the version after a dot
                    end = dv.end()
                elif vm:
                    num = vm.group(1)
                    st.version = ("v" if stem.vprefix else "") + num + (vm.group(2) or "")
                    end = vm.end()
                    # "Llama-1/2/3": one model per listed version
                    while (lv := _VERSION_LIST_RE.match(text, end)):
                        st.extra.append(("version", lv.group(1), None, lv.start() + 1, lv.end()))
                        end = lv.end()
                if st.version and (bv := _BRACKET_VARIANT_RE.match(text, end)):
                    # "FLUX.1 [dev]", "FLUX1.1 [Pro]": the line of a release, in brackets
                    st.variant.append(bv.group(1).lower())
                    st.parts.extend([st.version, bv.group(1).lower()])
                    end = bv.end()
                    continue
                if st.version:
                    if stem.key in FIRST_UNNUMBERED and st.version in ("1", "v1"):
                        st.version = ""  # the first Llama / Mamba carries no number
                        st.first = True
                        st.parts.append("")
                    else:
                        st.parts.append(st.version)
                    continue
        # -- size
        if not st.size:
            mm = _MOE_SIZE_RE.match(text, end)
            if mm:
                st.size = f"{mm.group(1)}x{mm.group(2)}{mm.group(3).lower()}"
                st.parts.append(st.size)
                end = mm.end()
                while (more := _MORE_MOE_RE.match(text, end)):
                    st.extra.append(("size", f"{more.group(2)}x{more.group(3)}{more.group(4).lower()}", None,
                                     more.start() + len(more.group(1)), more.end()))
                    end = more.end()
                continue
            sm = _SIZE_RE.match(text, end)
            if sm:
                num, unit = (sm.group(1), sm.group(2)) if sm.group(1) else (sm.group(3), sm.group(4))
                st.size = _size_text(num, unit)
                st.params = _params(num, unit)
                st.parts.append(st.size)
                end = sm.end()
                if (am2 := _ACTIVE_RE.match(text, end)):
                    st.parts.append(f"a{am2.group(1)}b")
                    st.active = _params(am2.group(1), "b")
                    end = am2.end()
                elif (ap := _ACTIVE_PAREN_RE.match(text, end)):
                    st.active = _params(ap.group(1), "b")
                    end = ap.end()
                while (more2 := _MORE_SIZES_RE.match(text, end)):
                    n2, u2 = (more2.group(2), more2.group(3)) if more2.group(2) else (more2.group(4), more2.group(5))
                    st.extra.append(("size", _size_text(n2, u2), _params(n2, u2), more2.start() + len(more2.group(1)),
                                     more2.end()))
                    end = more2.end()
                if (cm := _CLOSE_RE.match(text, end)) and "(" in text[pos:end]:
                    end = cm.end()
                continue
            if stem.key in _PATCHED and (pm := _PATCH_RE.match(text, end)):
                st.size = f"{pm.group(1).lower()}-{pm.group(2)}"
                st.parts.append(st.size)
                end = pm.end()
                continue
            if stem.numbers == "size" and (dm := _DEPTH_RE.match(text, end)):
                st.size = dm.group(1)
                st.parts.append(st.size)
                end = dm.end()
                while (dl := _DEPTH_LIST_RE.match(text, end)):
                    st.extra.append(("size", dl.group(1), None, dl.start() + 1, dl.end()))
                    end = dl.end()
                continue
            if (lm2 := _LETTER_SIZE_RE.match(text, end)):
                st.size = (lm2.group(1) or lm2.group(2)).lower()
                st.parts.append(st.size)
                end = lm2.end()
                continue
        # -- line words and variants ("-Instruct", "-NeXT", "-MoE", " Chat")
        gm2 = _GLUED_TOKEN_RE.match(text, end)
        word = gm2.group(1) if gm2 else None
        if word and word.lower() not in _COMPOUND_STOP and (
            word.lower() in _LINE_WORDS or word.lower() == "hf" or (_name_like(word) and not _standalone(text, word))
        ):
            if word.lower() != "hf":
                st.parts.append(word.lower())
                st.variant.append(word.lower())
            end = gm2.end()  # type: ignore[union-attr]
            continue
        sm2 = _SPACED_TOKEN_RE.match(text, end)
        word = sm2.group(1) if sm2 else None
        if word and stem.numbers == "size" and not st.parts and word.lower() in _NAMED_SIZE_WORDS:
            st.size = word.lower()  # "BERT base", "T5 large": a named size
            st.parts.append(st.size)
            end = sm2.end()  # type: ignore[union-attr]
            continue
        # (GPT-2's sizes are as often written in lowercase: "GPT-2 medium")
        if word and st.version and not st.size and (word[0].isupper() or stem.family == "gpt") \
                and word.lower() in _NAMED_SIZE_WORDS \
                and not _NOT_A_NAMED_SIZE.match(text, sm2.end()):  # type: ignore[union-attr]
            st.size = word.lower()  # "Stable Diffusion 3.5 Large", "GPT-2 Medium": a named size after the version
            st.parts.append(st.size)
            end = sm2.end()  # type: ignore[union-attr]
            continue
        if word and word.lower() in _SPACED_LINE_WORDS and (word[0].isupper() or word.lower() in ("chat", "instruct")) \
                and not (word.lower() == "base" and text[sm2.end():sm2.end() + 6].lower().startswith(" model")):  # type: ignore[union-attr]
            st.parts.append(word.lower())
            st.variant.append(word.lower())
            end = sm2.end()  # type: ignore[union-attr]
            continue
        if end == start_round:
            break
    st.parts = [p for p in st.parts if p]
    return st, end


def _standalone(text: str, word: str) -> bool:
    """Whether ``word`` also stands alone in ``text``: then "Samba-CoE" joins a name to a thing of its own (the
    paper's composition of experts, "CoE"), it is not a line of the Samba models.

    (what ``(?<![\\w-])WORD(?![\\w-])`` finds, by string search: a pattern per word was compiled while mapping)

    >>> _standalone("Samba-CoE routes to a CoE.", "CoE"), _standalone("Samba-CoE and CoE-2", "CoE")
    (True, False)
    """
    return stands_alone(text, word)


def _name_like(tok: str) -> bool:
    """A glued token that is part of a name: capitals inside or digits (NeXT, MoE, XXS, A5, c2048)."""
    if any(c.isdigit() for c in tok):
        return True
    return sum(c.isupper() for c in tok) >= 2


def _build(stem: Stem, st: _State, start: int, end: int, text: str) -> ModelName:
    return ModelName(
        # (a bare abbreviation keeps its own key, so the linker still sees that it may not stand alone)
        stem=stem.id_key if stem.id_key and (st.parts or st.first) else stem.key, family=stem.family, arch=stem.arch, parts=tuple(st.parts), version=st.version,
        size=st.size, variant="-".join(st.variant), params=st.params, active_params=st.active,
        start=start, end=end, text=text[start:end], bare=not st.parts and not st.first, first_version=st.first,
    )


# "google/" before a model's name: the organisation part of a hub repository id
_REPO_ORG = re.compile(r"(?<![\w/.-])[A-Za-z0-9][\w.-]*/$")


def _words_lowered(text: str) -> str | None:
    """The lowercase form of a text that is not ASCII, for :func:`_opening_words`; None where a letter of it
    folds onto an ASCII one."""
    low, folds = _UNICODE_LOWERED.get(text) or _unicode_lowered(text)
    return None if folds else low


def find_models(text: str, start: int = 0, end: int | None = None) -> Iterator[ModelName]:
    """Every model name in ``text[start:end]``, in order; listed sizes and versions give one model each."""
    stop = len(text) if end is None else end
    pos = start
    last_end = -1  # where the model found last ends
    low = lowered(text)  # (None: not ASCII)
    # a text that is not ASCII (one in ten) has its candidate words found in its lowercase form too, unless a
    # letter of it folds onto an ASCII one (the stems are still matched case-insensitively in the text itself)
    words_low = low if low is not None else _words_lowered(text)
    for q in _opening_words(text, words_low, start, stop):  # only words that can open a stem spelling are tried
        if q < pos:
            continue
        m = _STEM_RE.match(text, q, stop) if low is None else _STEM_LOW_RE.match(low, q, stop)
        if not m:
            continue
        # (a repository id's name follows a "/": the organisation pattern is asked only there)
        repo = q > 0 and text[q - 1] == "/" and _REPO_ORG.search(text, max(0, q - 40), q) is not None
        stem = _match_stem(text[m.start(1) : m.end(1)], repo=repo)
        pos = m.end()
        if stem is None:
            continue
        st, tail_end = _parse_tail(text, m.end(), stem)
        nxt = text[tail_end : tail_end + 2]
        # "Mambaformer", "MobileNets": a word glued to the stem
        if tail_end == m.end() and nxt[:1].isalnum():
            if not (nxt[:1] == "s" and not nxt[1:2].isalnum()):
                continue
            tail_end += 1
        # "Llama-based", "Mamba-Transformer": a compound word, not a model name
        cw = rx(r"-([A-Za-z][A-Za-z]+)").match(text[tail_end:])
        if cw and (cw.group(1).lower() in _COMPOUND_STOP or (not st.parts and cw.group(1).lower() != "based")):
            continue
        if not st.parts and _ARCH_FOLLOW.match(text, tail_end) and not (
                last_end >= 0 and _LIST_GAP.fullmatch(text, last_end, m.start())):
            continue  # "the Mamba architecture": the design, not a model (but "MobileNet v2 and EfficientNet
            # architectures" lists models: the noun is the whole list's)
        if not st.parts and text.startswith("/", tail_end) and (org := _STEM_RE.match(text, tail_end + 1)) \
                and (nxt_stem := _match_stem(org.group(1), repo=True)) is not None and nxt_stem.key == stem.key:
            continue  # "Qwen/Qwen2-7B", "meta-llama/Llama-3.1-8B": the organisation of a hub repository id
        first_end = tail_end
        if st.extra:
            first_end = _first_end(text, m.start(), st.extra[0][3])
        yield _build(stem, st, m.start(), first_end, text)
        for kind, value, params, s, e in st.extra:
            st2 = _State(parts=list(st.parts), version=st.version, size=st.size, variant=list(st.variant),
                         params=st.params, active=st.active)
            if kind == "size":
                st2.parts = [value if p == st.size else p for p in st.parts]
                st2.size, st2.params, st2.active = value, params, None
            else:
                st2.parts = [value if p == st.version else p for p in st.parts] if st.version else [value, *st.parts]
                st2.version = value
                if stem.key in FIRST_UNNUMBERED and value == "1":
                    st2.parts = [p for p in st2.parts if p != "1"]
                    st2.first = True
            yield _build(stem, st2, s, e, text)
        pos = max(tail_end, m.end())
        last_end = tail_end


def _first_end(text: str, start: int, cut: int) -> int:
    # the first model of a list ends where the separator before the second item begins
    head = text[start:cut]
    stripped = rx(r"(\s?(?:/|,|and|&|or|to)\s?(?:and\s)?\(?)$").sub("", head)
    return start + len(stripped)


def parse_model_name(name: str) -> ModelName:
    """Parse one model name; raises ``ValueError`` when no known stem starts it."""
    for model in find_models(name):
        if model.start == 0 or not name[: model.start].strip():
            return model
        break
    raise ValueError(f"not a model name: {name!r}")


def stem(key: str) -> Stem:
    """The stem with this key."""
    return _BY_KEY[key]


def family_of(model_id: str) -> str | None:
    """The family id for a model id made by this grammar (``model/llama-2-7b`` -> ``family/llama``)."""
    rest = model_id.split("/", 1)[-1]
    best = None
    for s in STEMS:
        if rest == s.key or rest.startswith(s.key + "-"):
            if best is None or len(s.key) > len(best.key):
                best = s
    return f"family/{best.family}" if best else None
