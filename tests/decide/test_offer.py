from __future__ import annotations

import pytest

from jtbd.decide import next_best_offer
from jtbd.errors import InputError


def test_late_paying_client_maps_to_get_paid(ctx, assert_quote):
    o = next_best_offer(ctx, "My client is 45 days late paying my invoice again and I hate chasing them.")
    assert o.clear and "paid" in (o.job_statement or "")
    assert o.force == "push" and o.when and o.when.startswith("now")
    assert o.outcome and o.outcome["underserved"] and "late payment" in o.outcome["outcome"]
    assert o.evidence
    for ev in o.to_dict()["evidence"]:
        assert_quote(ev)


def test_receipts_map_to_the_books_job(ctx):
    o = next_best_offer(ctx, "I lost half my receipts and my tax return is due next month, I'm worried I'll get fined.")
    assert o.clear
    # the job the sample's bookkeeping participants (P07-P12 in truth.json) were placed in
    job = next(j for j in ctx.jobs if str(j["id"]) == str(o.job))
    assert {"P07", "P08", "P09"} <= set(job["participants"]), job
    assert o.reassurance is not None


@pytest.mark.parametrize("text", ["What a lovely sunny day for a picnic in the park.", "Please add a dark mode."])
def test_no_clear_job(ctx, text):
    o = next_best_offer(ctx, text)
    assert not o.clear and o.job is None and "no clear job" in o.why


def test_empty_text(ctx):
    with pytest.raises(InputError, match="empty"):
        next_best_offer(ctx, "   ")
