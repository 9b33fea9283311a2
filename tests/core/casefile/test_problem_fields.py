"""Case-file problems name the field they concern, so the app can point at it without reading the message."""

from __future__ import annotations

import pytest

from app.core.casefile.model import parse_case
from app.core.problems import InputError

CASE = """regime: foia
received: 2026-01-05
parts:
  - question: Q1
    outcome: {outcome}
    exemptions: [{exemption}]
"""


@pytest.mark.parametrize(
    "outcome, exemption, field",
    [("shrugged", "", "parts[0].outcome"), ("withheld", "'99'", "parts[0].exemptions[0]")],
)
def test_problem_carries_the_field_path(outcome, exemption, field):
    with pytest.raises(InputError) as caught:
        parse_case(CASE.format(outcome=outcome, exemption=exemption), "case.yaml")
    assert [p.field for p in caught.value.problems] == [field]
    assert caught.value.problems[0].line in (5, 6)
