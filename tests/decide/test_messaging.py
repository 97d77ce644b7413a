from __future__ import annotations

import pytest

from jtbd.decide import audit_copy, read_copy
from jtbd.errors import InputError

GOOD = """# Get paid on time, without chasing clients
Automatic payment reminders chase late invoices for you, politely, so you never write an awkward email again.
See which invoices are overdue and who owes what, every Monday.
Worried clients will get spammed? You choose how often reminders go out.
"""
JARGON_COPY = """# The all-in-one platform for modern businesses
Leverage our robust, best-in-class solution to empower your team.
Seamless synergy across your cutting-edge financial ecosystem.
"""


def test_customer_words_beat_jargon(ctx, assert_quote):
    good, bad = audit_copy(ctx, GOOD), audit_copy(ctx, JARGON_COPY)
    assert good.score > bad.score + 40
    assert good.check("jargon").score == 1.0 and bad.check("jargon").score == 0.0
    assert good.check("customer_words").score > bad.check("customer_words").score
    assert good.check("job").score > bad.check("job").score
    assert good.check("anxieties").score > bad.check("anxieties").score
    # jargon may still read as a vague pull, but it answers no anxiety and names no struggle
    assert "anxiety" in good.forces and "anxiety" not in bad.forces and "push" not in bad.forces
    assert len(good.forces) > len(bad.forces)
    jargon_lines = {f.line for f in bad.check("jargon").findings}
    assert jargon_lines == {1, 2, 3}
    assert any("seamless" in f.message.lower() for f in bad.check("jargon").findings)
    # the worry line answers an anxiety, and it speaks to the anxiety force through the
    # customers' own "Whether clients would get spammed and be annoyed."
    assert any(f.line == 4 for f in good.check("anxieties").findings)
    assert [f.line for f in good.check("forces").findings if "anxiety" in f.message] == [4]
    # suggestions quote customers
    assert any("\u201c" in s for s in bad.check("anxieties").suggestions)
    for c in good.to_dict()["checks"] + bad.to_dict()["checks"]:
        for f in c["findings"]:
            for ev in f["evidence"]:
                assert_quote(ev)


def test_copy_file_errors(tmp_path):
    empty = tmp_path / "copy.md"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_copy(empty)
    with pytest.raises(InputError, match=r"\.md or \.txt"):
        read_copy(tmp_path / "copy.pdf")
