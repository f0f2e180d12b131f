"""Small texts, written for these tests, that pin the model, data set and device rules found from the
errors of the dev5 set (general grammar and catalog rules, not single papers)."""

from __future__ import annotations

from typing import Any

from loaders.mapping.hardware import find_hardware
from loaders.mapping.linker import link
from loaders.mapping.models import find_models
from tests.graphdata import written_paper as _paper


def _ids(text: str) -> list[str]:
    return [m.id for m in find_models(text)]


# -- the grammar -------------------------------------------------------------------------------------------------


def test_a_size_letter_glued_to_a_version_and_listed_after_a_slash() -> None:
    assert _ids("We compare EfficientNetV2S/M on the phone.") == ["model/efficientnet-v2-s", "model/efficientnet-v2-m"]


def test_depths_listed_after_a_slash_give_one_model_each() -> None:
    assert _ids("Backbones: ResNet50/101 and ResNet-18/34.") == [
        "model/resnet-50", "model/resnet-101", "model/resnet-18", "model/resnet-34"]


def test_tiny_and_lowercase_size_letters() -> None:
    assert _ids("DeiT-Ti beats Vim-Ti, and EfficientFormerV2-s trails.") == [
        "model/deit-ti", "model/vim-ti", "model/efficientformer-v2-s"]


def test_patch_sizes_of_diffusion_transformers() -> None:
    assert _ids("Samples from DiT-XL/2 and LightningDiT-B/1 are compared.") == ["model/dit-xl-2", "model/lightningdit-b-1"]


def test_gpt2_sizes_in_lowercase() -> None:
    assert _ids("We also run GPT-2 medium on the board.") == ["model/gpt-2-medium"]


def test_well_known_baselines_the_grammar_now_knows() -> None:
    text = ("Against ESRGAN, LDM-4, CogACT, MoE-LLaVA, YOCO, ViViT-L, FCN, DeconvNet, MovieGen and SkyReel-V2-1.3B "
            "our model holds up.")
    assert _ids(text) == ["model/esrgan", "model/ldm-4", "model/cogact", "model/moe-llava", "model/yoco", "model/vivit-l",
                          "model/fcn", "model/deconvnet", "model/moviegen", "model/skyreels-v2-1.3b"]


def test_a_sized_ldm_is_a_model_and_a_bare_ldm_the_model_class(onto: Any) -> None:
    p = _paper("Faster Latent Sampling", "Latent diffusion models (LDM) are slow. We speed up LDM sampling by 3x and "
                                         "quantize LDM-8 to 4 bits.")
    models = set(link(p, onto).models)
    assert "model/ldm-8" in models and "model/ldm" not in models


# -- the linker: sizes, tags, released sizes -----------------------------------------------------------------------


def test_sizes_listed_before_a_model_name(onto: Any) -> None:
    p = _paper("Cheap Pretraining", "We pretrain 70M, 160M and 1.4B parameter Pythia models on web text with a new optimizer.")
    models = set(link(p, onto).models)
    assert {"model/pythia-70m", "model/pythia-160m", "model/pythia-1.4b"} <= models
    assert "model/pythia" not in models


def test_sizes_listed_later_in_the_sentence_of_a_release(onto: Any) -> None:
    p = _paper("Hymba Goes Small", "We release Hymba in several configurations at 0.3B, 1B, and 3B parameters for phones.")
    assert {"model/hymba-0.3b", "model/hymba-1b", "model/hymba-3b"} <= set(link(p, onto).models)


def test_a_size_range_gives_its_two_ends(onto: Any) -> None:
    p = _paper("Open Code Models", "The StarCoder models span sizes from 1 to 15 billion parameters and are open.")
    models = set(link(p, onto).models)
    assert {"model/starcoder-1b", "model/starcoder-15b"} <= models


def test_a_method_tag_on_a_known_model_gives_the_model(onto: Any) -> None:
    p = _paper("TunePack: Packing for Faster Tuning",
               "We propose TunePack. TunePack-Qwen2.5-7B, tuned on half the data, gains 3 points on HumanEval.")
    models = set(link(p, onto).models)
    assert "model/qwen-2.5-7b" in models
    assert not any(m.startswith("model/tunepack") for m in models)


def test_a_size_letter_on_the_proposed_name_is_a_released_model(onto: Any) -> None:
    p = _paper("GlideNet: Cheap Vision Blocks",
               "We propose GlideNet, a family of efficient vision networks. Our GlideNet-S improves DeiT-Ti by 2% on ImageNet.")
    assert {"model/glidenet-s", "model/deit-ti"} <= set(link(p, onto).models)


def test_a_dataset_named_with_a_size_is_not_a_model(onto: Any) -> None:
    p = _paper("FastSeg", "We train FastSeg, a small segmenter, on SA-1B and evaluate it on COCO.")
    assert "model/sa-1b" not in link(p, onto).models


# -- data sets and devices -----------------------------------------------------------------------------------------


def test_an_imagenet_resolution_is_imagenet(onto: Any) -> None:
    p = _paper("Pixel Diffusion at Scale", "Our sampler reaches 2.1 FID on ImageNet512 and 1.9 FID on ImageNet256.")
    assert set(link(p, onto).datasets) == {"dataset/imagenet"}


def test_catalog_datasets_and_spellings(onto: Any) -> None:
    p = _paper("Broad Evaluation", "We test on ImageNet21k, KITTI-2015, NASBench-201, OC20, MPtrj and the "
                                   "SCv2 dataset, and tune on Evol-Instruct.")
    ds = set(link(p, onto).datasets)
    assert {"dataset/imagenet-21k", "dataset/kitti-2015", "dataset/nas-bench-201", "dataset/oc20",
            "dataset/mptrj", "dataset/speech-commands", "dataset/evol-instruct"} <= ds
    assert "dataset/scv2" not in ds and "dataset/kitti" not in ds


def test_a_number_after_a_slash_names_the_next_edition(onto: Any) -> None:
    p = _paper("Short Thinking", "Our reasoner scores well on AIME24/25 and GPQA while using fewer tokens.")
    assert {"dataset/aime24", "dataset/aime25"} <= set(link(p, onto).datasets)


def test_new_devices() -> None:
    found = [d.id for d in find_hardware("It runs on an RPi4, a Xilinx U55C card and Intel PIUMA.")]
    assert found == ["hardware/raspberry-pi-4", "hardware/xilinx-alveo-u55c", "hardware/intel-piuma"]


def test_a_name_glued_to_a_word_the_paper_uses_alone_is_no_model_line() -> None:
    text = "Routing between experts (RBE) is cheap. We build Mamba-RBE, an RBE system that serves 40 experts."
    assert not any(i.startswith("model/mamba") for i in _ids(text))
    assert _ids("We fine-tune LLaVA-NeXT on charts.") == ["model/llava-next"]


def test_a_spelling_written_without_its_hyphen() -> None:
    assert _ids("We prune QwenVL-Chat and a SwinTransformer.") == ["model/qwen-vl-chat", "model/swin"]


def test_sizes_listed_with_slashes_before_the_models_noun(onto: Any) -> None:
    p = _paper("Zamba Grows", "We present Zamba, a family of 2B and 9B/7B hybrid state-space models. We prune the 9B model "
                              "into Zamba-7B-Base, which is 30% faster.")
    models = set(link(p, onto).models)
    assert {"model/zamba-2b", "model/zamba-9b", "model/zamba-7b-base"} <= models
    assert "model/zamba-7b" not in models  # (the 7B is named elsewhere only as its base line)


def test_a_size_set_beside_a_name(onto: Any) -> None:
    p = _paper("Sharded Training", "Our sharding trained the largest Megatron-LM yet (Gopher, 280B parameters) on 512 GPUs.")
    assert "model/gopher-280b" in link(p, onto).models


def test_the_architecture_noun_after_a_list_covers_the_list() -> None:
    assert _ids("We sparsify ResNet-50, MobileNet v2 and ShuffleNet architectures.") == [
        "model/resnet-50", "model/mobilenet-v2", "model/shufflenet"]
    assert _ids("We keep the ShuffleNet architecture.") == []


def test_the_first_sam_set_beside_its_successor_is_kept(onto: Any) -> None:
    p = _paper("TinyTrack: Video Segmentation on Phones",
               "On top of Segment Anything Model (SAM), SAM 2 added a memory bank for video. We propose TinyTrack, which "
               "shrinks SAM 2 for phones.")
    assert {"model/sam", "model/sam-2"} <= set(link(p, onto).models)


def test_a_capitalised_word_between_known_models_in_a_list(onto: Any) -> None:
    p = _paper("Speech Model Costs", "We retrain three models: Whisper, Seamless, and Canary-1B, on public data at a tenth of "
                                     "the compute.")
    assert {"model/whisper", "model/seamless", "model/canary-1b"} <= set(link(p, onto).models)


def test_multi_atis_in_lowercase_and_m3vit(onto: Any) -> None:
    p = _paper("EdgeParse", "We deploy M3ViT on an FPGA and evaluate a tiny parser on MTOP and multiATIS.")
    linked = link(p, onto)
    assert "model/m3vit" in linked.models
    assert {"dataset/mtop", "dataset/multiatis"} <= set(linked.datasets)
