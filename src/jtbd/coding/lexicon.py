"""Hand-written JTBD cue lexicon: patterns per code and interviewer-question types.

Two strengths of cue:

* **cues** (``CUES``) are evidence the linear model weighs (as ``cue:<code>`` features);
* **strong cues** (``STRONG``) are high-precision patterns that assert a code on their own
  (unless the sentence is negated or hedged around the cue), so the coder stays robust on
  wording its training data never saw.

``QUESTION_TYPES`` classify the interviewer question an answer follows ("what stopped you"
→ habit/anxiety, "what was going on" → push, ...): in a switch interview the question often
decides whether a short answer is a push, a habit or an anxiety.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_I = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), _I)


#: Evidence cues per code (weighed by the model).
CUES: dict[str, re.Pattern[str]] = {
    "push": _rx(
        r"\b(crash\w*|bug\w*|broken|breaks?|glitch\w*|freez\w*|lag\w*|error\w*|fail\w*)\b",
        r"\b(can'?t|cannot|couldn'?t|unable to|won'?t|doesn'?t|does not|didn'?t|isn'?t|not)\b.{0,25}"
        r"\b(work\w*|load\w*|open\w*|sync\w*|sav\w*|export\w*|find|log ?in|connect\w*|arriv\w*|show\w*)",
        r"\b(slow|clunky|confus\w*|complicated|messy|mess|nightmare|painful|tedious|manual(ly)?|"
        r"error[- ]prone|unusable|useless|terrible|awful|horrible|worst|annoy\w*|frustrat\w*)\b",
        r"\b(waste of|wasted|wasting|took forever|takes ages|too long|forever to)\b",
        r"\b(never (answered|replied|responded|arrived|showed up)|no (reply|response|answer))\b",
        r"\b(since the (last |latest |new )?update|after (the |updating|an )?update)\b",
        r"\b(lost|lose|losing|missing|missed|disappear\w*|deleted|duplicat\w*)\b",
        r"\b(charged|overcharg\w*|refund|ripped off|cash grab|price (went|go) up)\b",
        r"\b(struggl\w*|hassle|headache|problem\w*|issue\w*|pain)\b",
        r"\b(kept|keeps|constantly|always|every (single )?time)\b.{0,30}\b(forget\w*|crash\w*|fail\w*|"
        r"log\w* (me )?out|break\w*|drop\w*|miss\w*)",
        r"\b(let (me|us) down|disaster|too many ads|spam\w*)\b",
    ),
    "pull": _rx(
        r"\b(love[ds]?|loving|great|brilliant|amazing|excellent|fantastic|perfect\w*|awesome|"
        r"best|beautiful|nice|lifesaver|intuitive|seamless\w*|painless|flawless\w*)\b",
        r"\b(easy|simple|fast|quick|clean|smooth)\b",
        r"\b(attract\w*|appeal\w*|impress\w*|drew me|sold on|was sold|liked|like that|"
        r"the idea that|promised?)\b",
        r"\b(saves?|saved) (me|us)?\b",
        r"\b(highly recommend|five stars|5 stars|works (perfectly|great|well)|just works|"
        r"never looked back|never go back|would never go back|worth every)\b",
    ),
    "anxiety": _rx(
        r"\b(worr\w*|nervous|afraid|scared|fear\w*|concern\w*|hesita\w*|doubt\w*|unsure|"
        r"not sure|risk\w*|trust|sceptic\w*|skeptic\w*)\b",
        r"\b(what if|would it|will it|whether)\b",
        r"\b(expensive|steep|cost\w*|price|afford\w*|commitment|locked in|lock-in|learning curve)\b",
        r"\b(privacy|security|my data|data (is )?stored|permissions)\b",
        r"\b(burn(ed|t) before|be careful|waste of money|really need|worth it)\b",
    ),
    "habit": _rx(
        r"\b(inertia|habit\w*|used to (it|the|doing|my)|got used|familiar\w*|comfortable|"
        r"routine|always done|always did|the old way|the way we)\b",
        r"\b(never got round|kept putting (it )?off|put(ting)? it off|too busy|life (just )?got in the way|"
        r"didn'?t have time|no time|easier to do nothing|do nothing)\b",
        r"\b(sunk cost|invested so much|years of data|all (our|my) (history|data)|contract|"
        r"knew (where|how)|by heart|attached to|reluctant)\b",
        r"\b(if it ain'?t broke|good enough|well enough|sort of worked|more or less)\b",
    ),
    "trigger": _rx(
        r"\b(that was the moment|that'?s when|the moment|the day (after|I|we|when)|that day|"
        r"tipping point|tipped|final straw|last straw|that was it)\b",
        r"\b(then|when|after|right after|until)\b.{0,40}\b(quit|left|moved|hired|joined|died|"
        r"stolen|audit\w*|fine[ds]?|announc\w*|doubled|shut\w*|expired|ended|renew\w*|baby|"
        r"landed|forwarded|told me|letter)\b",
        r"\b(so I started|started (looking|searching)|went online|decided to|signed up|subscribed|"
        r"clicked buy)\b",
        r"\b(mentioned|showed me|recommended it|saw a (friend|colleague))\b",
    ),
    "workaround": _rx(
        r"\b(spreadsheet\w*|excel|google sheets?|sticky notes?|post-its?|notebook|pen and paper|"
        r"paper|whatsapp|screenshots?|notes app|colou?r[- ]coded|tab for)\b",
        r"\b(i'?d just|we'?d just|i would just|hack\w*|workaround\w*|by hand|manually|"
        r"copy and paste|copy-paste|email(ed)? myself|remind\w* (in|on) my calendar|zapier|"
        r"checklist|running tally|tape[d]?)\b",
    ),
    "alternative": _rx(
        r"\b(looked at|tried|considered|compared|thought about|switch(ed|ing)? (to|from)|"
        r"instead of|used to use|went back to|other options|alternatives?|vs\.?|versus|"
        r"demos? with|quoted)\b",
        r"\b(hire[d]? (a|an|someone)|bookkeeper|accountant|freelancer|agency|assistant|"
        r"build(ing)? (something|it) ourselves|stay(ed)? with|do(ing)? it ourselves)\b",
    ),
    "outcome": _rx(
        r"\b(i want(ed)? to|we want(ed)? to|i need(ed)? (it )?to|we need|wanted to be able|"
        r"want to be able|be able to|so (that )?i can|so we can|hoping)\b",
        r"\b(please|pls|wish|would (be|love)|would like|i'?d (love|like)|it'?d be|"
        r"feature request|add (a|an|the|support|more|option)|bring back|needs? (a|an|more|better|to))\b",
        r"\b(less time|more time|faster|fewer mistakes|on time|at a glance|in one place|"
        r"without (me )?(thinking|having)|instead of an?|not having to|stop worrying)\b",
    ),
    "emotional": _rx(
        r"\b(feel\w*|felt|stress\w*|overwhelm\w*|relie\w*|anxious|embarrass\w*|proud|"
        r"frustrat\w*|dread\w*|panic\w*|exhaust\w*|excit\w*|calm|confiden\w*|guilt\w*|"
        r"disappoint\w*|annoy\w*|happy|upset|angry|scared|lighter|drowning|fraud|in control)\b",
    ),
    "social": _rx(
        r"\b(my (boss|manager|husband|wife|partner|team|colleague\w*|clients?|friends?|family|"
        r"kids|mum|mom|dad|sister|brother|co-?founder|accountant)|our (cfo|finance|it|team|"
        r"customers?|clients?|director))\b",
        r"\b(said|asked|told|thought|think|complimented|approve\w*|signed off|recommend\w*|"
        r"convince\w*|sceptical|seen as|look(ed|s)? (professional|unprofessional|amateur|stupid|foolish)|"
        r"take us (more )?seriously|everyone|people)\b",
        r"[\"“][^\"”]{3,}[\"”]",
    ),
}

_NEG = r"(?<!\bnot )(?<!\bnever )(?<!\bno )(?<!n't )"

#: High-precision cues that assert a code on their own.
STRONG: dict[str, re.Pattern[str]] = {
    "push": _rx(
        r"\b(app|it|this)\b.{0,20}\b(crash(es|ed|ing)?|freez(es|ing)|keeps? (crashing|freezing|"
        r"logging me out|failing))\b",
        r"^(crash\w*|keeps crashing)\b",
        r"\b(can'?t|cannot|unable to|won'?t let me)\b.{0,15}\b(export|log ?in|sign in|open|save|"
        r"sync|find|access|cancel|attach|upload|download|pay|connect)",
        r"\b(doesn'?t|does not|don'?t|isn'?t|is not|stopped)\b.{0,10}\bwork(ing)?\b",
        r"\b(is|are|got|seems?) (broken|buggy|unusable|useless)\b|\bbuggy\b",
        r"\bsince the (last |latest |new |recent )?update\b",
        r"\b(support|they|customer service|nobody|no one)\b.{0,15}\bnever (answer|repl|respond|got back)\w*",
        r"\bno (reply|response|answer) from\b",
        r"\b(waste of (money|time)|ripped off|cash grab|charged (me )?twice|charged after)\b",
        r"\b(error message|something went wrong|white screen|spins forever|stuck on)\b",
        r"\b(lost all|disappeared|deleted all|randomly deletes)\b",
        r"^(terrible|awful|horrible|worst)\b",
    ),
    "outcome": _rx(
        r"\bplease\b.{0,20}\b(add|make|support|allow|bring|give|let|include|implement|consider)\b",
        r"\b(would|it'?d) be (great|nice|awesome|amazing|helpful|useful|cool|good)\b.{0,8}"
        r"\b(if|to have|to be able|to see|to get)\b",
        r"\b(i|we) wish (it|there|they|you|the app|this app|i could|we could)\b",
        r"\b(it|app|this) needs (a|an|more|better|to)\b|^needs (a|an|more|better)\b",
        r"\b(i|we) (want|need|would like|'d like|'d love|would love) to be able to\b",
        r"\bfeature request\b",
        r"\b(would|'d) love (a|an|to see|it if|integration|support)\b",
        r"\bbring back\b",
        r"\b(add|adding) (a |an )?(option|dark mode|support for|widget|export|button)\b",
        r"\b(option|ability) to\b.{0,30}\bwould be\b",
    ),
    "pull": _rx(
        r"^(love (this|it|the)|great app|excellent app|amazing app|best \w+ app)",
        r"\bhighly recommend\b",
        r"\bworks (perfectly|flawlessly|great)\b",
        r"\b(five|5) stars\b",
        r"\bnever looked back\b",
    ),
}

#: Hedging / negation just before a strong cue cancels it ("not sure it crashes").
NEGATION = re.compile(
    r"\b(no|never|hardly|not (sure|really)|didn'?t|haven'?t|hasn'?t|wasn'?t|without|"
    r"no longer|if it)\W+(\w+\W+){0,2}$",
    _I,
)

#: Interviewer-question types and the codes they point to.
QUESTION_TYPES: dict[str, re.Pattern[str]] = {
    "habit": _rx(
        r"\b(stop(ped)? you|held? you back|hold you back|kept you|keep you|why not (sooner|earlier)|"
        r"sooner|earlier|so long|put up with|stay(ing)? with|take so long|leave the old)\b",
        r"\bwhy (didn'?t|did ?n'?t) you\b",
    ),
    "anxiety": _rx(
        r"\b(almost stop\w*|nearly stop\w*|worr\w*|concern\w*|hesitat\w*|afraid|fear\w*|doubts?|"
        r"risk\w*|make you nervous)\b",
    ),
    "push": _rx(
        r"\b(what was going on|going on|wasn'?t working|not working|hardest|worst|struggl\w*|"
        r"problem|pain|frustrat\w*|wrong|go wrong|what happened with|before this one|"
        r"tool you bought before|why was that a problem)\b",
    ),
    "pull": _rx(
        r"\b(like about|like most|attract\w*|appeal\w*|made you choose|why did you choose|"
        r"impress\w*|stood out|what did you like|tell a friend)\b",
    ),
    "alternative": _rx(
        r"\b(else did you (consider|try|look)|other options|compare\w*|alternatives?|"
        r"look at any|instead|if .{0,20}didn'?t exist|why not \w+)\b",
    ),
    "trigger": _rx(
        r"\b(what happened that|that day|start(ed)? looking|made you start|when did you (realise|"
        r"realize|start|decide)|tipp\w*|finally|moment|event|first thought|why did you start|"
        r"specific moment|commit)\b",
    ),
    "emotional": _rx(r"\b(how did (you|it) feel|feel about|how do you feel|want to feel|emotion\w*)\b"),
    "social": _rx(
        r"\b(others|colleagues?|team (feel|think|react)|family|friends|boss|manager|partner|"
        r"clients? think|accountant say|who else|anyone else|people)\b",
    ),
    "outcome": _rx(
        r"\b(hoping|success|magic wand|expect\w*|change|would make|need|doesn'?t do|"
        r"good week|job you were)\b",
    ),
    "workaround": _rx(r"\b(how did you (manage|handle|keep|organi[sz]e|find|split|track|used)|"
                      r"how were you handling|before the app|used to organi[sz]e)\b"),
    "smalltalk": _rx(
        r"\b(hear me|record|tell me (a bit )?about yourself|for a living|good time|"
        r"how long have you|how often|team size|how big|what time of year|where were you|"
        r"anything else|thank\w*|move on|repeat|notes|few more minutes)\b",
    ),
}


# The three lookups below are pure and asked again for the same text (a sentence is also its
# neighbour's "previous" sentence, a question is shared by its whole answer): cached.
@lru_cache(maxsize=16384)
def cue_codes(text: str) -> tuple[str, ...]:
    """Codes whose evidence cues occur in ``text``."""
    return tuple(code for code, rx in CUES.items() if rx.search(text))


@lru_cache(maxsize=16384)
def strong_codes(text: str) -> tuple[str, ...]:
    """Codes asserted by a high-precision cue that is not negated or hedged."""
    out = []
    for code, rx in STRONG.items():
        for m in rx.finditer(text):
            if not NEGATION.search(text, 0, m.start()) or m.start() == 0:
                out.append(code)
                break
    return tuple(out)


@lru_cache(maxsize=4096)
def question_types(question: str | None) -> tuple[str, ...]:
    """The types of an interviewer question (empty when there is none or none match)."""
    if not question:
        return ()
    return tuple(kind for kind, rx in QUESTION_TYPES.items() if rx.search(question))


def any_match(patterns: Iterable[re.Pattern[str]], text: str) -> bool:
    """True when any of ``patterns`` occurs in ``text``."""
    return any(p.search(text) for p in patterns)


#: Pure small talk and call logistics, the whole sentence: greetings, the weather, the dog,
#: "give me a second", "can you hear me". Such a sentence carries no code whatever the
#: question before it ("How's it going now?" once drew `outcome` for "Give me a second.").
_FILLER = (r"sorry|oh|ah|um+|uh+|erm|yeah|yes|no|okay|ok|right|well|so|anyway|hi|hello|hey|thanks|"
           r"thank you|cheers|ha|haha|\[laughs?\]|bye|isn'?t it")
_PHATIC_PART = (
    r"(can|could) you (hear|see) me( okay| ok| alright| now)?"
    r"|(i can|i could) (hear|see) you( fine| okay| ok)?"
    r"|you'?re (breaking up|on mute|frozen)|i'?m on mute|my (camera|mic|video|wi-?fi|connection)"
    r"( (is|was|keeps?) [a-z ]{1,20})?"
    r"|(just )?(give|gimme) me (a|one) (sec(ond)?|minute|moment)"
    r"|(hang|hold) on( a (sec(ond)?|minute|moment))?"
    r"|one (sec(ond)?|minute|moment)|bear with me"
    r"|(the|my) (dog|cat|baby|kids?|doorbell|phone)('s| is| was)? (barking|crying|ringing|going)"
    r"( again)?|let me (just )?(close|shut|grab|get|turn|find) [a-z ]{1,25}"
    r"|(lovely|nice|beautiful|terrible|awful|horrible|grim|miserable) (weather|day)"
    r"( (today|out there|here))?( isn'?t it)?|is(n'?t)? that (okay|ok|alright|fine)"
    r"|(good|nice) to (meet|see|talk to) you( too)?|no (problem|worries)"
    # managing the conversation itself
    r"|does (that|this) make sense|(is|was) that what you (mean|meant|wanted|were after)"
    r"|(does|did) that answer (your|the) question|what was the question( again)?"
    r"|where (was i|were we)|(i'?ve |i )?lost my train of thought|(that'?s a |what a )?good question"
    r"|let me (think|see)( about (it|that))?|you('?re| are)? (cutting|cut) out( there)?"
    r"|you broke up( there)?|(thanks|thank you) for (having me|your time|the chat|asking)"
    r"|bye(-bye)?( now| then)?|take care|have a (good|nice|lovely) (day|evening|weekend)"
)
# the whole sentence is phatic phrases and fillers, with at least one phrase (a bare "Yes." or
# "No." can answer a question that gives it a code, so it is not small talk by itself)
# (?!\w), not \b: "no" must not match the start of "nothing", and "[laughs]" ends in no word
_PHATIC = re.compile(rf"^\W*((({_FILLER})|({_PHATIC_PART}))(?!\w)\W*)+$", re.IGNORECASE)
_PHATIC_PHRASE = re.compile(rf"\b({_PHATIC_PART})\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def is_phatic(text: str) -> bool:
    """True when ``text`` is only small talk or call logistics (see :data:`_PHATIC_PART`)."""
    text = text.strip()
    return len(text) <= 120 and bool(_PHATIC.match(text)) and bool(_PHATIC_PHRASE.search(text))
