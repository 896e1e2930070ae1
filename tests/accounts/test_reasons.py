"""Sending back needs a reason: one rule for submissions and projects (workflow.work)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chiso.errors import InvalidInput
from chiso.workflow import projects, review
from chiso.workflow.work import MAX_COMMENT, reason_to_return


@pytest.mark.parametrize("blank", ["", "   ", "\n\t "])
def test_a_blank_reason_is_refused_in_both_languages(blank: str) -> None:
    with pytest.raises(InvalidInput) as err:
        reason_to_return(blank)
    assert err.value.status == 422
    assert "lý do" in err.value.message_vi and "reason" in err.value.message_en


@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_a_reason_is_kept_trimmed_and_bounded(text: str) -> None:
    kept = reason_to_return(text)
    assert kept == text.strip()[:MAX_COMMENT] and len(kept) <= MAX_COMMENT


def test_submissions_and_projects_share_the_rule() -> None:
    assert review.reason_to_return is projects.reason_to_return is reason_to_return
