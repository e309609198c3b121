"""Heading style: bold, large or capitals, against the document's body size."""

from __future__ import annotations

import pytest

from builders import block
from factextract.text.style import in_capitals, is_heading_styled, is_large


@pytest.mark.parametrize("text, capitals", [("PROGRÈS", True), ("LE SYSTÈME DES PAYS", True), ("UE", False),
                                            ("Progrès", False), ("ACTIVITÉS 2021", True), ("2021", False)])
def test_in_capitals(text, capitals):
    assert in_capitals(text) is capitals


@pytest.mark.parametrize("kwargs, styled", [
    ({"text": "Un titre", "bold": True}, True),                 # bold throughout
    ({"text": "Un titre", "size": 12.0}, True),                 # larger than the body
    ({"text": "PROGRÈS"}, True),                                # capitals at body size
    ({"text": "PROGRÈS", "size": 8.0}, False),                  # capitals, but smaller
    ({"text": "Un paragraphe ordinaire."}, False),
])
def test_is_heading_styled(kwargs, styled):
    assert is_heading_styled(block(**kwargs), body_size=10.0) is styled


def test_is_large():
    assert is_large(block("x", size=11.5), 10.0) and not is_large(block("x", size=11.0), 10.0)
