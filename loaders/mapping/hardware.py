"""A grammar for hardware: named devices with counts and memory sizes, and hardware classes.

Each device pattern names a vendor and a product; the id is ``hardware/<vendor>-<product>``
(``hardware/nvidia-a100``), with the device count and memory size kept as mention properties,
never in the id. Generic words ("GPUs", "microcontrollers", "FPGA") are hardware classes.

>>> [(d.id, d.count, d.memory_gb) for d in find_hardware("trained on 8xA100-80GB and 2,048 NVIDIA H800 GPUs")]
[('hardware/nvidia-a100', 8, 80), ('hardware/nvidia-h800', 2048, None)]
>>> [(d.id, d.hwclass) for d in find_hardware("an RTX 4090, a Raspberry Pi 4 and an STM32F746 board")]
[('hardware/nvidia-rtx-4090', 'hwclass/gpu'), ('hardware/raspberry-pi-4', 'hwclass/edge-device'), ('hardware/st-stm32f746', 'hwclass/mcu')]
>>> [d.id for d in find_hardware("Snapdragon 8 Gen 3, Jetson AGX Orin, Apple M2 Pro, TPU v4")]
['hardware/qualcomm-snapdragon-8-gen-3', 'hardware/nvidia-jetson-agx-orin', 'hardware/apple-m2-pro', 'hardware/google-tpu-v4']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.ids import slug
from loaders.mapping.text import first_char_groups, rx

_WORD_NUMBERS = {
    "a single": 1, "single": 1, "one": 1, "two": 2, "three": 3, "four": 4, "eight": 8, "sixteen": 16,
    "dual": 2, "a pair of": 2,
}


@dataclass(frozen=True)
class Device:
    """A hardware device found in text."""

    id: str
    name: str
    vendor: str
    hwclass: str
    start: int
    end: int
    text: str
    count: int | None = None
    memory_gb: int | None = None

    def props(self) -> dict[str, str | int]:
        return {"vendor": self.vendor, "hardware_class": self.hwclass.split("/", 1)[1]}


@dataclass(frozen=True)
class _Rule:
    group: str
    vendor: str
    hwclass: str
    product: Callable[[re.Match[str]], str]
    name: Callable[[re.Match[str]], str]
    context: bool = False  # needs "GPU"/vendor next to it (short names like T4, L4)


def _g(group: str) -> Callable[[re.Match[str]], str]:
    return lambda m: rx(r"\s+").sub(" ", m.group(group)).strip()


# Named alternatives of the one device pattern: (group, regex, vendor, class, product, name)
_NV_DC = r"A100|A800|H100|H800|H200|H20|V100S?|P100|P40|T4|L4|L40S?|A10G?|A30|A40|B100|B200|GB200|GH200|GB300"
_PATTERNS: list[tuple[str, str]] = [
    ("nvdc", rf"(?:(?P<nvdc_v>NVIDIA|Nvidia|NVidia)\s+)?(?:(?i:Tesla)\s+)?(?P<nvdc>{_NV_DC})(?:[- ]?(?:SXM\d?|PCIe|NVL))?"),
    ("rtx", r"(?:(?:NVIDIA|Nvidia)\s+)?(?:GeForce\s+)?(?P<rtx>(?:RTX|GTX)\s?(?:\d{3,4})(?:\s?Ti)?)"),
    ("nvnum", r"(?:NVIDIA|Nvidia)\s+(?P<nvnum>[2-5]0[5-9]0(?:\s?Ti)?)(?=\s?GPU)"),
    ("nvgen", r"(?:(?P<nvgen_v>NVIDIA|Nvidia)\s+)?(?P<nvgen>Blackwell|Hopper|Ampere|Volta|Turing|Pascal|Ada Lovelace)(?!-)"),
    ("dgx", r"(?:(?:NVIDIA|Nvidia)\s+)?(?P<dgx>DGX(?:[-\s]?(?:1|2|A100|H100|H200|B200|Station|Spark))?)"),
    ("neoverse", r"(?:ARM\s+|Arm\s+)?(?P<neoverse>Neoverse[-\s]?[NVE]\d)"),
    ("rtxa", r"(?:(?:NVIDIA|Nvidia)\s+)?(?:Quadro\s+)?(?P<rtxa>(?:RTX\s?)?A(?:6000|5000|4000|5500)|Quadro\s+RTX\s?\d{4})"),
    ("titan", r"(?:(?:NVIDIA|Nvidia)\s+)?(?P<titan>(?:TITAN|Titan)\s?(?:Xp|RTX|V|X))"),
    ("jetson", r"(?:(?:NVIDIA|Nvidia)\s+)?(?P<jetson>Jetson\s+(?:AGX\s+|Orin\s+)?(?:Orin|Xavier|Nano|TX2|Thor)(?:\s+(?:Nano|NX))?)"),
    ("amd", r"(?:AMD\s+)?(?:Instinct\s+)?(?P<amd>MI\d{3}[AX]?)"),
    ("tpu", r"(?:Google\s+)?(?:Cloud\s+)?(?P<tpu>TPU\s?-?v\d[a-z]?(?:\s?(?:Pod|pod))?|TPUv\d[a-z]?|TPU(?![s-]))"),
    ("applem", r"(?P<applem_v>Apple\s+)(?P<applem>M[1-4](?:\s(?:Pro|Max|Ultra))?)"),
    ("iphone", r"(?:Apple\s+)?(?P<iphone>iPhone\s?\d{1,2}(?:\s?Pro(?:\s?Max)?)?)"),
    ("snap", r"(?:Qualcomm\s+)?(?P<snap>Snapdragon\s?(?:8\+?\s?(?:s\s?)?Gen\s?\d|X\s?Elite|\d{3}))"),
    ("pixel", r"(?:Google\s+)?(?P<pixel>Pixel\s?\d{1,2}(?:\s?Pro)?)"),
    ("galaxy", r"(?:Samsung\s+)?(?P<galaxy>Galaxy\s+S\d{1,2}(?:\s?Ultra)?)"),
    ("ascend", r"(?:Huawei\s+)?(?P<ascend>Ascend\s?(?:910[BC]?|310[PB]?)?)(?=\s?(?:NPU|AI|chip|processor|\d|[,.;)]|\s))"),
    ("kirin", r"(?:Huawei\s+)?(?P<kirin>Kirin\s?\d{3,4})"),
    ("dim", r"(?:MediaTek\s+)?(?P<dim>Dimensity\s?\d{3,4})"),
    ("xeon", r"(?:Intel\s+)?(?P<xeon>Xeon(?:\s(?:Platinum|Gold|Silver|Phi))?(?:\s\d{4}[A-Z]?)?)"),
    ("corei", r"(?:Intel\s+)?(?P<corei>Core\s?i[3579](?:-\d{4,5}[A-Z]*)?)"),
    ("gaudi", r"(?:Intel\s+)?(?:Habana\s+)?(?P<gaudi>Gaudi\s?\d?)"),
    ("epyc", r"(?:AMD\s+)?(?P<epyc>EPYC(?:\s\d{4}[A-Z]?)?)"),
    ("cortex", r"(?:ARM\s+|Arm\s+)?(?P<cortex>Cortex-?[AMR]\d{1,2}F?)"),
    ("stm", r"(?P<stm>STM32[A-Z]\d[0-9A-Z]*)"),
    ("esp", r"(?P<esp>ESP32(?:-S3|-C3)?)"),
    ("nrf", r"(?:Nordic\s+)?(?P<nrf>nRF5\d{3,4})"),
    ("gap", r"(?:GreenWaves\s+)?(?P<gap>GAP[89])"),
    ("rpi", r"(?P<rpi>Raspberry\s?Pi(?:\s?(?:\d|Zero(?:\s?2\s?W)?)(?:\s?Model\s?B\+?)?)?|RPi\s?[2-5](?:\s?Model\s?B\+?)?)"),
    ("arduino", r"(?P<arduino>Arduino\s(?:Nano\s33\sBLE(?:\sSense)?|Uno|Portenta(?:\sH7)?))"),
    ("xil", r"(?:Xilinx\s+|AMD\s+)?(?:Alveo\s+)?(?P<xil>(?<=Alveo\s)U\d{2,3}C?|U2[058]0|U55C|U50|ZCU\d{3}|VCK\d{3}|VHK\d{3}|Versal\s+(?:VCK|VHK|VPK)\d{3}|Zynq(?:\s?UltraScale\+)?(?:\s?ZU\d+EG)?|Kintex(?:\s?UltraScale\+?)?|Virtex(?:\s?UltraScale\+?)?)"),
    ("sn", r"(?:SambaNova\s+)?(?P<sn>SN40L)"),
    ("piuma", r"(?:Intel\s+)?(?P<piuma>PIUMA)"),
    ("loihi", r"(?:Intel\s+)?(?P<loihi>Loihi\s?2?)"),
    ("wse", r"(?:Cerebras\s+)?(?P<wse>WSE-?[23]|CS-[23])"),
]


def _vendor_product(kind: str, m: re.Match[str]) -> tuple[str, str, str, str]:
    """(vendor, product slug source, class, display name) for one matched alternative."""
    t = rx(r"\s+").sub(" ", m.group(kind)).strip()
    if kind == "nvdc":
        return "nvidia", t, "hwclass/gpu", f"NVIDIA {t}"
    if kind == "rtxa":
        t2 = rx(r"^RTX\s?(?=A)").sub("", t)
        return "nvidia", t2, "hwclass/gpu", f"NVIDIA {t2}"
    if kind == "nvnum":
        t2 = "RTX " + t
        return "nvidia", t2, "hwclass/gpu", f"NVIDIA {t2}"
    if kind == "nvgen":
        return "nvidia", t, "hwclass/gpu", f"NVIDIA {t}"
    if kind == "dgx":
        t2 = rx(r"DGX[-\s]?").sub("DGX-", t).rstrip("-")
        return "nvidia", t2, "hwclass/gpu", f"NVIDIA {t2}"
    if kind == "neoverse":
        t2 = rx(r"Neoverse[-\s]?").sub("Neoverse ", t)
        return "arm", t2, "hwclass/cpu", f"Arm {t2}"
    if kind in ("rtx", "titan"):
        t2 = rx(r"^(RTX|GTX)\s?").sub(r"\1 ", t).replace("Titan", "TITAN")
        return "nvidia", t2, "hwclass/gpu", f"NVIDIA {t2}"
    if kind == "jetson":
        return "nvidia", t, "hwclass/edge-device", f"NVIDIA {t}"
    if kind == "amd":
        return "amd", t, "hwclass/gpu", f"AMD Instinct {t}"
    if kind == "tpu":
        v = rx(r"v\d[a-z]?").search(t)
        return "google", f"tpu-{v.group()}" if v else "tpu", "hwclass/tpu", f"Google TPU {v.group() if v else ''}".strip()
    if kind == "applem":
        return "apple", t, "hwclass/cpu", f"Apple {t}"
    if kind == "iphone":
        t2 = rx(r"iPhone\s?").sub("iPhone ", t)
        return "apple", t2, "hwclass/phone", f"Apple {t2}"
    if kind == "snap":
        t2 = rx(r"Snapdragon\s?").sub("Snapdragon ", t)
        t2 = rx(r"(\d)\s?Gen\s?(\d)").sub(r"\1 Gen \2", t2)
        return "qualcomm", t2, "hwclass/phone", f"Qualcomm {t2}"
    if kind == "pixel":
        t2 = rx(r"Pixel\s?").sub("Pixel ", t)
        return "google", t2, "hwclass/phone", f"Google {t2}"
    if kind == "galaxy":
        return "samsung", t, "hwclass/phone", f"Samsung {t}"
    if kind == "ascend":
        return "huawei", t, "hwclass/npu", f"Huawei {t}"
    if kind == "kirin":
        return "huawei", t, "hwclass/phone", f"Huawei {t}"
    if kind == "dim":
        return "mediatek", t, "hwclass/phone", f"MediaTek {t}"
    if kind in ("xeon", "corei"):
        return "intel", t, "hwclass/cpu", f"Intel {t}"
    if kind == "gaudi":
        return "intel", t, "hwclass/asic", f"Intel {t}"
    if kind == "epyc":
        return "amd", t, "hwclass/cpu", f"AMD {t}"
    if kind == "cortex":
        t2 = rx(r"Cortex-?").sub("Cortex-", t)
        cls = "hwclass/mcu" if "-M" in t2 else "hwclass/cpu"
        return "arm", t2, cls, f"Arm {t2}"
    if kind == "stm":
        return "st", t, "hwclass/mcu", f"ST {t}"
    if kind == "esp":
        return "espressif", t, "hwclass/mcu", f"Espressif {t}"
    if kind == "nrf":
        return "nordic", t, "hwclass/mcu", f"Nordic {t}"
    if kind == "gap":
        return "greenwaves", t, "hwclass/mcu", f"GreenWaves {t}"
    if kind == "rpi":
        t2 = rx(r"^RPi\s?").sub("Raspberry Pi ", rx(r"Raspberry\s?Pi").sub("Raspberry Pi", t))  # "RPi4": the short form
        return "", t2, "hwclass/edge-device", t2
    if kind == "arduino":
        return "", t, "hwclass/mcu", t
    if kind == "xil":
        t2 = rx(r"^Versal\s+").sub("", t)
        if rx(r"U\d{2,3}C?").fullmatch(t2):
            t2 = "Alveo " + t2
        if rx(r"V[CHP]K\d{3}").fullmatch(t2):
            t2 = "Versal " + t2  # VCK/VHK/VPK boards are Versal parts
        return "xilinx", t2, "hwclass/fpga", f"Xilinx {t2}"
    if kind == "sn":
        return "sambanova", t, "hwclass/asic", f"SambaNova {t}"
    if kind == "piuma":
        return "intel", t, "hwclass/asic", f"Intel {t}"
    if kind == "loihi":
        return "intel", t, "hwclass/asic", f"Intel {t}"
    if kind == "wse":
        return "cerebras", t, "hwclass/asic", f"Cerebras {t}"
    raise AssertionError(kind)


_COUNT = r"(?:(?P<count>\d{1,3}(?:,\d{3})*|\d+|a\ssingle|single|one|two|three|four|eight|sixteen|dual)(?:\s?[x×*]\s?|\s|-))"
_MEM_BEFORE = r"(?:(?P<mem0>\d{1,3})\s?(?:GB|GiB|G)\s)"
_DEVICE_RE = re.compile(
    rf"(?<![A-Za-z0-9]){_COUNT}?{_MEM_BEFORE}?(?:"
    + "|".join(f"(?P<_{k}>{p})" for k, p in _PATTERNS)
    + r")s?(?:[\s-]?\(?(?P<mem1>\d{1,3})\s?(?:GB|GiB|G)\b\)?)?(?![A-Za-z0-9])"
)
_GPU_AFTER = re.compile(r"\s?(?:GPUs?|graphics cards?|cards?|accelerators?|TPUs?|NPUs?|chips?)\b")
_CONTEXT_ONLY = frozenset({"T4", "L4", "A10", "A10G", "A30", "A40", "H20", "P40"})


# Every device pattern holds one of these words; a text without them is skipped at once, and the
# full pattern runs only in a window around each of them.
_ANCHOR_WORDS = (
    r"A100|A800|H100|H800|H200|H20|V100|P100|P40|T4|L4|L40|A10|A30|A40|A6000|A5000|A4000|A5500|B100|B200|GB200|GH200|"
    r"GB300|RTX|GTX|NVIDIA|Nvidia|NVidia|TITAN|Titan|Jetson|MI\d{3}|TPU|Apple|iPhone|Snapdragon|Pixel|Galaxy|Ascend|"
    r"Kirin|Dimensity|Xeon|Core\s?i\d|Gaudi|EPYC|Cortex|STM32|ESP32|nRF5|GAP[89]|Raspberry|RPi|Arduino|U2[058]0|U5[05]|ZCU|"
    r"VCK|VHK|VPK|Versal|Zynq|Kintex|Virtex|SN40L|PIUMA|Loihi|WSE|CS-[23]|Blackwell|Hopper|Ampere|Volta|Turing|Pascal|"
    r"Ada Lovelace|DGX|Neoverse|Quadro|Tesla"
).split("|")
# (grouped by first letter: each letter the engine stops at, "i" and "n" of "iPhone" and "nRF5" too, is tried
# against one group instead of some eighty words)
_ANCHOR = re.compile(first_char_groups(_ANCHOR_WORDS))


def find_hardware(text: str, start: int = 0, end: int | None = None) -> Iterator[Device]:
    """Every named device in ``text[start:end]``, in order, with counts and memory sizes."""
    stop = len(text) if end is None else end
    windows: list[tuple[int, int]] = []
    for a in _ANCHOR.finditer(text, start, stop):
        lo, hi = max(start, a.start() - 40), min(stop, a.end() + 60)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    seen: set[int] = set()
    for lo, hi in windows:
        yield from _find_in(text, lo, hi, seen)


def _find_in(text: str, lo: int, hi: int, seen: set[int]) -> Iterator[Device]:
    for m in _DEVICE_RE.finditer(text, lo, hi):
        if m.start() in seen:
            continue
        seen.add(m.start())
        kind = next(k for k, _ in _PATTERNS if m.group(f"_{k}"))
        raw = rx(r"\s+").sub(" ", m.group(kind)).strip()
        after = _GPU_AFTER.match(text, m.end())
        if kind == "nvdc" and raw in _CONTEXT_ONLY and not (m.group("nvdc_v") or after):
            continue  # "T4" or "A40" alone is too often something else
        if kind == "ascend" and not rx(r"\d").search(raw) and not after:
            continue
        # GPU generations are hardware only when named as NVIDIA's or as GPUs ("Turing-NLG" is a model)
        if kind == "nvgen" and not (m.group("nvgen_v") or after or rx(r"\s?(?:architecture|tensor cores?|generation)").match(text[m.end():m.end() + 20])):
            continue
        vendor, product, hwclass, name = _vendor_product(kind, m)
        hid = "hardware/" + slug(f"{vendor} {product}" if vendor else product)
        count_txt = (m.group("count") or "").lower()
        count: int | None = None
        if count_txt:
            count = _WORD_NUMBERS.get(count_txt) or int(count_txt.replace(",", ""))
            if count is not None and count > 100000:
                count = None
        mem = m.group("mem0") or m.group("mem1")
        s = m.start() if count_txt or m.group("mem0") else m.start(f"_{kind}")
        e = m.end() + (after.end() - m.end() if after and kind in ("nvdc", "rtx", "rtxa", "titan", "amd", "ascend", "tpu") else 0)
        yield Device(
            id=hid, name=name, vendor=vendor, hwclass=hwclass, start=s, end=e, text=text[s:e],
            count=count, memory_gb=int(mem) if mem else None,
        )
