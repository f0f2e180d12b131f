"""The linker's shortcuts for speed give what the plain forms give (made-up text)."""

from __future__ import annotations

import pydantic
import pytest

from kg.records import Paper, SourceRef
from loaders.mapping.doc import LinkedMention
from loaders.mapping.linker import link

_TITLE = "QuuxKV: Smaller Key-Value Caches for Long Prompts on Edge GPUs"
_ABSTRACT = ("We propose QuuxKV, a method that quantizes the KV cache to 2 bits and prunes stale tokens. "
             "On Llama-2-7B it keeps LongBench scores on one A100 GPU and cuts memory by 4x compared to H2O.")


def _paper() -> Paper:
    return Paper(id="paper/t-00000000cafe", title=_TITLE, abstract=_ABSTRACT, text=_TITLE + "\n\n" + _ABSTRACT,
                 occurrences=(SourceRef(file="x", line=1, format="t", loader="t"),))


def test_linked_mentions_equal_their_validated_form() -> None:
    mentions = link(_paper(), None).doc.mentions
    assert len(mentions) > 5
    for m in mentions:
        twin = LinkedMention(**m.model_dump())
        assert m == twin
        assert m.model_dump_json() == twin.model_dump_json()
        assert m.model_fields_set == twin.model_fields_set
        assert list(m.__dict__) == list(LinkedMention.model_fields)  # (declaration order, as validation gives)
        with pytest.raises(pydantic.ValidationError):
            m.text = "changed"  # type: ignore[misc]  # (still a frozen record)
