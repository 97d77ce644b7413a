"""Spoken variants of the annotated development interviews: what real transcripts add.

Written interviews are tidy; recorded ones are not. :func:`spoken_variant` rewrites an
annotated transcript (``benchmarks/devset.py`` format) the way speech comes out of a recorder,
keeping every gold code on its sentence:

* hesitation sounds, "you know" / "I mean" / ", like," and stutters inside customer sentences;
* interviewer backchannels ("Mm-hmm.", "Right.") that cut a customer's answer into turns.

The benchmark reports the four-forces micro-F1 on these variants next to the written ones, so
a coder that only works on tidy text shows it. Deterministic (seeded).
"""
from __future__ import annotations

import random
import re

from benchmarks import devset

_LEAD = ["Um, ", "Uh, ", "Erm, ", "I mean, ", "So, um, ", "You know, ", "Well, uh, "]
_MID = ["you know,", "um,", "uh,", "I mean,", "like,"]
_BACKCHANNEL = ["Mm-hmm.", "Right.", "Okay.", "Yeah.", "Uh-huh.", "Got it.", "Right, right.",
                "Interesting."]


def _disfluent(sentence: str, rng: random.Random) -> str:
    lead = len(sentence) - len(sentence.lstrip())
    words = sentence.strip().split(" ")
    if len(words) > 4 and rng.random() < 0.5:
        words.insert(rng.randrange(2, len(words) - 1), rng.choice(_MID))
    if len(words) > 3 and rng.random() < 0.25:
        i = rng.randrange(0, len(words) - 2)
        if re.fullmatch(r"[A-Za-z]+", words[i]):
            words.insert(i, words[i] + ",")
    out = " ".join(words)
    if rng.random() < 0.35 and not out.startswith(("I ", "I'")):
        out = rng.choice(_LEAD) + out[0].lower() + out[1:]
    elif rng.random() < 0.35:
        out = rng.choice(_LEAD) + out
    return sentence[:lead] + out


def spoken_variant(annotated: str, seed: int = 11, *, fillers: float = 1.0,
                   backchannels: float = 0.3) -> str:
    """``annotated`` with fillers in customer sentences (share ``fillers`` of them considered)
    and an interviewer backchannel after a share ``backchannels`` of the customer sentences
    that have another one after them in the turn."""
    rng = random.Random(seed)
    out: list[str] = []
    for line in annotated.splitlines():
        m = devset._TURN_RE.match(line)
        if not m or "{" not in line or m.group("speaker") == devset.INTERVIEWER:
            out.append(line)
            continue
        speaker, body = m.group("speaker"), line[m.end():]
        new, cursor = line[:m.end()], 0
        annotations = list(devset._ANNOT_RE.finditer(body))
        for j, a in enumerate(annotations):
            chunk = body[cursor:a.start()]
            new += _disfluent(chunk, rng) if chunk.strip() and rng.random() < fillers else chunk
            new += a.group(0)
            if j + 1 < len(annotations) and rng.random() < backchannels:
                new += f"\n{devset.INTERVIEWER}: {rng.choice(_BACKCHANNEL)}\n{speaker}:"
            cursor = a.end()
        out.append(new + body[cursor:])
    text = "\n".join(out) + "\n"
    devset.parse_transcript(text, "<spoken variant>")   # still well-formed
    return text
