"""Plain-text and Markdown transcripts."""
from __future__ import annotations

from pathlib import Path

from jtbd.ingest import read_path
from jtbd.model import Role


def _said(doc) -> list[tuple[str | None, Role | None, str]]:
    return [(t.speaker, t.role, doc.text[t.start:t.end]) for t in doc.turns]


def test_labels_timestamps_continuations(tmp_path: Path) -> None:
    f = tmp_path / "anna.txt"
    f.write_text(
        "Date: 3 May 2024\n"
        "[00:00:03] Interviewer: What was going on at that time?\n"
        "[00:00:09] Anna-Lena O'Brien: The problem was: nobody paid on time.\n"
        "We kept a spreadsheet.\n"
        "\n"
        "00:01 INTERVIEWER: And then?\n"
        "00:02 Anna-Lena O'Brien:   We switched.   \n",
        encoding="utf-8")
    [doc] = read_path(str(f))
    assert doc.source == str(f)
    assert doc.kind == "interview"
    assert _said(doc) == [
        ("Interviewer", Role.INTERVIEWER, "What was going on at that time?"),
        ("Anna-Lena O'Brien", Role.CUSTOMER,
         "The problem was: nobody paid on time.\nWe kept a spreadsheet."),
        ("INTERVIEWER", Role.INTERVIEWER, "And then?"),
        ("Anna-Lena O'Brien", Role.CUSTOMER, "We switched."),
    ]
    assert doc.text == f.read_text(encoding="utf-8")


def test_markdown_bold_labels_heading_and_accents(tmp_path: Path) -> None:
    f = tmp_path / "chloe.md"
    f.write_text(
        "# Switch interview: Chloé\n\n"
        "**Moderator:** What else did you consider?\n\n"
        "**Chloé Dupont-Léger:** A notebook, honestly.\n"
        "And my sister's app.\n\n"
        "## Part 2\n\n"
        "**Moderator**: Why now?\n"
        "**Chloé Dupont-Léger:** My boss asked.\n",
        encoding="utf-8")
    [doc] = read_path(f)
    assert doc.title == "Switch interview: Chloé"
    assert _said(doc) == [
        ("Moderator", Role.INTERVIEWER, "What else did you consider?"),
        ("Chloé Dupont-Léger", Role.CUSTOMER, "A notebook, honestly.\nAnd my sister's app."),
        ("Moderator", Role.INTERVIEWER, "Why now?"),
        ("Chloé Dupont-Léger", Role.CUSTOMER, "My boss asked."),
    ]


def test_q_and_a(tmp_path: Path) -> None:
    f = tmp_path / "qa.txt"
    f.write_text("Q: How did you want to feel?\nA: In control.\nq: and?\nA: Calm.\n")
    [doc] = read_path(f)
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("Q", Role.INTERVIEWER), ("A", Role.CUSTOMER), ("q", Role.INTERVIEWER),
        ("A", Role.CUSTOMER)]
    assert doc.text[doc.turns[1].start:doc.turns[1].end] == "In control."


def test_sentences_with_colons_are_not_labels(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    text = "The problem was: nobody paid.\nNote: we lost two clients.\n  Then we moved.\n"
    f.write_text(text)
    [doc] = read_path(f)
    assert len(doc.turns) == 1
    turn = doc.turns[0]
    assert (turn.speaker, turn.role) == (None, Role.CUSTOMER)
    assert doc.text[turn.start:turn.end] == text.strip()


def test_single_lone_label_is_not_a_speaker(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("Bottom line: it costs too much.\n")
    [doc] = read_path(f)
    assert doc.turns[0].speaker is None
    assert doc.text[doc.turns[0].start:doc.turns[0].end] == "Bottom line: it costs too much."


def test_explicit_roles_win(tmp_path: Path) -> None:
    f = tmp_path / "pair.txt"
    f.write_text("Sam: Why did you switch?\nKim: Price.\nSam: Anything else?\nKim: No.\n")
    [doc] = read_path(f, roles={"kim": "interviewer", "SAM": "customer"})
    assert {t.speaker: t.role for t in doc.turns} == {
        "Sam": Role.CUSTOMER, "Kim": Role.INTERVIEWER}


def test_question_heuristic_picks_interviewer(tmp_path: Path) -> None:
    f = tmp_path / "pair.txt"
    f.write_text("Sam: Why did you switch?\nKim: The price went up again last spring.\n"
                 "Sam: Anything else?\nKim: No, mostly that.\n")
    [doc] = read_path(f)
    assert {t.speaker: t.role for t in doc.turns} == {
        "Sam": Role.INTERVIEWER, "Kim": Role.CUSTOMER}


def test_prose_label_inside_a_turn_is_not_a_speaker(tmp_path: Path) -> None:
    f = tmp_path / "prose.txt"
    f.write_text("Interviewer: What went wrong?\n\n"
                 "Anna: We kept missing invoices.\n"
                 "Price: it was never the issue.\n"
                 "So: we moved.\n\n"
                 "Interviewer: Who else was there?\n\n"
                 "Observer (Sam): The CFO joined late.\n\n"
                 "Anna: Right.\n")
    [doc] = read_path(f)
    assert _said(doc) == [
        ("Interviewer", Role.INTERVIEWER, "What went wrong?"),
        ("Anna", Role.CUSTOMER, "We kept missing invoices.\nPrice: it was never the issue.\n"
                                "So: we moved."),
        ("Interviewer", Role.INTERVIEWER, "Who else was there?"),
        ("Observer (Sam)", Role.CUSTOMER, "The CFO joined late."),
        ("Anna", Role.CUSTOMER, "Right."),
    ]


def test_parenthesised_role_and_numbered_speakers(tmp_path: Path) -> None:
    f = tmp_path / "p.txt"
    f.write_text("Interviewer (Sam): Why?\nSpeaker 2: Cost.\nInterviewer (Sam): And?\n"
                 "Speaker 2: Time.\n")
    [doc] = read_path(f)
    assert [(t.speaker, t.role) for t in doc.turns][:2] == [
        ("Interviewer (Sam)", Role.INTERVIEWER), ("Speaker 2", Role.CUSTOMER)]


def test_speakers_on_their_own_lines_otter_style() -> None:
    from jtbd.ingest.text import parse_transcript

    text = ("Bob Moesta  0:03\nSo what was going on?\n\nJane Doe  0:07\nMy back was killing me.\n"
            "It was every morning.\n\nBob Moesta  0:12\nAnd then?\n\nJane Doe  0:15\nWe looked online.\n")
    turns, _ = parse_transcript(text)
    assert [t.speaker for t in turns] == ["Bob Moesta", "Jane Doe", "Bob Moesta", "Jane Doe"]
    assert text[turns[1].start:turns[1].end] == "My back was killing me.\nIt was every morning."


def test_screenplay_style_speakers() -> None:
    from jtbd.ingest.text import parse_transcript

    text = "INTERVIEWER\nWhat was going on?\n\nJANE\nMy back hurt.\n\nINTERVIEWER\nWhy then?\n\nJANE\nWe moved.\n"
    turns, _ = parse_transcript(text)
    assert [(t.speaker, text[t.start:t.end]) for t in turns] == [
        ("INTERVIEWER", "What was going on?"), ("JANE", "My back hurt."), ("INTERVIEWER", "Why then?"),
        ("JANE", "We moved.")]


def test_short_prose_lines_are_not_taken_for_speakers() -> None:
    from jtbd.ingest.text import parse_transcript

    text = "Great app\nReally love it.\n\nUpdate\nStill great after a month.\n\nThanks\nTo the team.\n"
    turns, _ = parse_transcript(text)
    assert len(turns) == 1 and turns[0].speaker is None
