"""Word lists used by the heuristics: stop words, verbs, solution words and cue lexicons.

Kept in one place so the rules are easy to read and extend. Everything is lower case.
"""
from __future__ import annotations

import re

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having he
    he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
    in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
    once only or other ought our ours ourselves out over own same shan't she she'd she'll she's
    should shouldn't so some such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those through to too under until up
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
    which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
    your yours yourself yourselves yeah yes okay ok um uh like just really actually basically
    kind sort lot lots bit thing things stuff maybe probably honestly mean know think thought
    guess well also still even much many get got gonna wanna something anything everything
    nothing someone anyone everyone one two three every way quite pretty always never already
    now then though would've could've should've oh right sure
    """.split()
)

DETERMINERS = frozenset("a an the my our your their his her its this that these those some any every each all".split())
PRONOUNS = frozenset(
    "it them this that these those everything anything something nothing him her me you us one stuff things "
    "nobody anybody somebody everybody anyone someone everyone".split()
)
#: Words that end a verb phrase.
PHRASE_STOP = frozenset(
    """
    and but because so which that when if then or while though although since as until unless who
    whom whose where why how i i'm i'd i've i'll it's you we they he she was were is are be been
    had has have would could should will can do did does not don't didn't just really like um uh
    yeah basically actually anyway feels felt seems seemed makes made takes took goes went gets
    kept keeps one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty sixty hundred thousand couple half dozen
    """.split()
)
PREPOSITIONS = frozenset(
    "for on at before after without with from in into by during within across over about to per".split()
)

#: Base-form verbs, for statement grammar checks and phrase extraction.
VERBS = frozenset(
    """
    accept access achieve add adjust agree allocate analyse analyze answer apply approve arrange ask
    assess assign attach attend automate avoid back balance be become begin bill book borrow
    build buy calculate call cancel capture carry catch categorise categorize change charge chase check choose claim
    clean clear close collect combine come communicate compare complete compute confirm connect
    consolidate contact control convert coordinate copy correct count cover create cut deal decide
    define delegate deliver describe design detect determine develop dig do document download draft
    earn edit eliminate email enable end enter estimate evaluate exchange execute expand explain
    export feel figure file fill find finish fix focus follow forecast forget gather generate get
    give go grow handle hand help hire hold identify import improve include increase inform input
    install invoice issue keep know land launch learn leave let limit link list live locate log
    look lose maintain make manage map match measure meet migrate minimise minimize miss modify
    monitor move negotiate notice notify obtain onboard open order organise organize pay plan
    photograph post predict prepare present prevent price print prioritise prioritize process produce protect
    prove provide publish purchase put quote raise reach read receive reconcile record recover
    reduce register release remember remind remove renew repair replace report request reschedule
    research resolve respond restore retain return review run save scan schedule search secure see
    select sell send separate set settle share ship show sign simplify snap sort spend split spot start stay
    stop store submit subscribe summarise summarize supply support switch take talk tell test
    track trade train transfer travel turn understand update upload use verify view wait want
    win work write
    """.split()
)

#: Words that mark a statement as about a solution rather than the job.
SOLUTION_WORDS = frozenset(
    """
    app apps application software tool tools platform platforms website site saas product
    products system dashboard feature features plugin integration subscription spreadsheet
    template excel sheets api bot
    """.split()
)

DIRECTIONS = ("minimize", "maximize", "increase", "decrease", "reduce", "minimise", "maximise")
METRICS = (
    "the time", "the likelihood", "the number", "the effort", "the amount", "the cost", "the risk",
    "the frequency", "the accuracy", "the speed", "the ability", "the chance", "the share", "the percentage",
)

#: Phases of the switch timeline, in order, with their cue phrases.
PHASE_CUES: dict[str, tuple[str, ...]] = {
    "first_thought": (
        "first started thinking", "first thought", "first time", "back of my mind", "started to think",
        "first realised", "first realized", "wondered", "it occurred to me", "first think",
        "bookmarked", "mentioned she used", "mentioned he used", "planted", "seed", "first noticed",
        "started to wonder", "thought about", "idea", "should probably",
    ),
    "passive_looking": (
        "kept an eye", "noticed an ad", "saw an ad", "see ads", "saw ads", "passively", "heard about",
        "in passing", "came across", "half looking", "vaguely", "seen it around", "kept seeing", "heard",
        "mentioned", "podcast", "friend", "someone at", "recommended", "word of mouth",
    ),
    "active_looking": (
        "started googling", "googled", "searched", "trial", "compared", "comparing", "looked properly",
        "went looking", "asked in", "made a list", "researched", "shortlist", "pricing page", "demo",
        "reviews", "looking properly", "signed up for a trial", "tried out",
    ),
    "deciding": (
        "decided", "signed up", "paid for", "went with", "chose", "picked", "tipped the scales",
        "made up my mind", "committed", "subscribed", "bought", "upgraded", "clinched",
    ),
    "first_use": (
        "first week", "set it up", "setting it up", "set up", "first invoice", "first day", "onboarding",
        "imported", "migrated", "first month", "got started", "the first time i used",
    ),
    "ongoing_use": (
        "now", "these days", "since then", "nowadays", "ever since",
        "still use", "day to day", "at this point", "these days",
    ),
}

#: Job-map steps, in order, with their group and cue words.
STEP_GROUPS: dict[str, str] = {
    "define": "pre-execution", "locate": "pre-execution", "prepare": "pre-execution",
    "confirm": "pre-execution", "execute": "execution", "monitor": "post-execution",
    "modify": "post-execution", "conclude": "post-execution",
}
STEP_CUES: dict[str, tuple[str, ...]] = {
    "define": ("plan", "decide what", "work out what", "figure out", "goal", "quote", "budget", "estimate",
               "scope", "agree", "priorit"),
    "locate": ("find", "gather", "collect", "look for", "search", "dig out", "receipt", "track down",
               "hunt", "scattered", "where i put", "shoebox"),
    "prepare": ("set up", "organis", "organiz", "template", "prepare", "get ready", "categoris", "categoriz",
                "sort out", "sorting", "label", "enter", "type in", "data entry"),
    "confirm": ("check", "double-check", "make sure", "verify", "confirm", "approve", "correct",
                "right number", "accurate", "mistake"),
    "execute": ("send", "invoice", "file", "submit", "pay the", "pay them", "bill", "email it", "do the books",
                "issue"),
    "monitor": ("track", "keep an eye", "overdue", "late", "status", "landed", "know whether", "know which",
                "see which", "outstanding", "owed", "owe me", "owes", "owing", "who owes", "cash flow", "cashflow"),
    "modify": ("chas", "remind", "follow up", "following up", "fix", "change", "adjust", "resend", "update",
               "nudge", "awkward email"),
    "conclude": ("paid", "close", "finish", "done", "archive", "year-end", "year end", "reconcile", "wrap up",
                 "tax return", "hand it to", "accountant"),
}

#: Supporting-job roles and their cue phrases.
SUPPORTING_CUES: dict[str, tuple[str, ...]] = {
    "buyer": ("compare", "comparing", "trial", "pricing", "price", "cost", "plan", "sign up", "signed up",
              "buy", "bought", "pay for", "subscription", "demo", "reviews", "recommend", "cheaper", "expensive"),
    "co-creator": ("set up", "setting up", "setup", "migrat", "import", "onboard", "connect", "configur",
                   "customis", "customiz", "move over", "moved over", "bank feed", "link"),
    "transferrer": ("cancel", "export", "hand over", "handed over", "hand it", "give access", "download",
                    "share with my accountant", "send to my accountant", "close the account", "leave", "archive"),
}

#: Circumstance words for job context.
CONTEXT_CUES: dict[str, tuple[str, ...]] = {
    "time": ("january", "year-end", "year end", "month end", "month-end", "evening", "evenings", "weekend",
             "weekends", "deadline", "quarter", "busy season", "night", "late at night", "monday", "friday",
             "tax time", "self-assessment", "end of the month", "between jobs", "summer", "december", "april"),
    "place": ("kitchen", "home", "office", "train", "on site", "site", "van", "car", "co-working", "cafe",
              "phone", "on the go", "studio", "desk", "laptop", "the road", "job site"),
    "team": ("accountant", "partner", "wife", "husband", "client", "clients", "team", "assistant",
             "bookkeeper", "boss", "business partner", "contractor", "subcontractor", "staff", "mum", "dad"),
}

NEGATIVE_FEELINGS = (
    "awkward", "stressed", "stress", "anxious", "guilty", "embarrassed", "stupid", "panic", "dread",
    "worried", "knot", "overwhelmed", "ashamed", "frustrated", "scared", "nervous", "uneasy", "chaotic",
    "out of control", "behind", "sick", "terrified", "annoyed", "awful",
)
POSITIVE_FEELINGS = (
    "in control", "relieved", "relief", "calm", "confident", "organised", "organized", "on top of",
    "peace of mind", "proud", "professional", "free", "lighter", "sorted", "grown-up", "safe", "happy",
)
SOCIAL_QUALITIES = (
    "professional", "organised", "organized", "reliable", "competent", "serious", "legit", "established",
    "on top of things", "grown-up", "trustworthy", "a real business", "credible", "disorganised", "amateur",
)
SOCIAL_NEGATIVE = frozenset(("disorganised", "amateur"))

#: Cues that place an alternative in a status.
STATUS_CUES: dict[str, tuple[str, ...]] = {
    "chosen": ("switched to", "went with", "chose", "signed up", "now use", "use it", "moved to", "paid for",
               "subscribed", "picked", "settled on", "stuck with"),
    "rejected": ("too expensive", "too much", "not for me", "ruled out", "gave up", "ruled it out",
                 "cancelled", "canceled", "never finished", "overkill", "too complicated",
                 "dropped", "expensive", "confusing", "clunky"),
    "used": ("used to", "was using", "i had", "i used", "we used", "i kept", "we kept", "for years", "my old",
             "been using"),
    "considered": ("looked at", "considered", "trial", "compared", "thought about", "tried", "checked out",
                   "heard", "mentioned", "ads for"),
}
NON_CONSUMPTION_CUES = (
    "doing nothing", "do nothing", "didn't do anything", "not doing anything", "just live with",
    "put up with", "carry on as", "stay as i was", "leave it as", "just being more disciplined",
    "just try harder", "ignore it", "nothing at all",
)

#: Words of a struggling moment (used to prefer real struggles as job-story situations).
STRUGGLE_CUES = (
    "late", "lost", "forgot", "forgotten", "deadline", "penalty", "letter", "scramble", "chase", "chasing",
    "awkward", "stress", "worst", "problem", "mess", "panic", "couldn't", "missed", "overdue", "owed",
    "fine", "behind", "nightmare", "hours", "weekend", "again", "still hadn't", "never", "angry", "wrong",
)

#: Words typical of each code, used to prefer clear examples when choosing quotes.
CODE_CUES: dict[str, tuple[str, ...]] = {
    "push": STRUGGLE_CUES,
    "trigger": ("when", "moment", "that's when", "then", "suddenly", "last straw", "letter", "deadline", "after",
                "lost", "late", "penalty", "that week", "that day", "january"),
    "pull": ("love", "loved", "easy", "simple", "automatic", "clean", "fast", "just works", "liked", "because it",
             "polite", "photo", "connects", "looked", "nice", "calm", "exactly what"),
    "anxiety": ("worried", "worry", "afraid", "scared", "risk", "expensive", "price", "trust", "what if", "nervous",
                "lose", "mess", "complicated", "annoy", "spam", "another subscription", "privacy"),
    "habit": ("always", "used to", "habit", "for years", "routine", "familiar", "comfortable", "never questioned",
              "the way i", "well enough", "sunk", "old way", "every year", "same"),
    "outcome": ("want", "wanted", "need", "wish", "would love", "i'd love", "so i can", "be able", "know",
                "see", "without"),
    "emotional": ("feel", "felt", "relief", "relieved", "stress", "proud", "awkward", "calm", "dread", "anxious",
                  "guilty", "control", "embarrass"),
    "social": ("professional", "look", "seen", "clients think", "accountant", "impression", "proper business",
               "organised", "reputation", "embarrass"),
    "workaround": ("spreadsheet", "template", "notes", "folder", "shoebox", "paper", "by hand", "myself",
                   "calendar", "screenshot", "envelope"),
}

#: Number words: specifics of one story, not shared language.
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
    million grand quid pounds dollars euros couple half dozen percent
    """.split()
)

#: Narrative words that make poor theme terms ("said", "went", "first").
THEME_STOP = frozenset(
    """
    said say says went go going goes took take came come told tell looked look made make used use
    started start first last next day days time times year years month months week weeks thing
    way lot bit good great nice little big back put gave give getting done want wanted need needed
    """.split()
)

#: Things nobody wants to get: "get a nasty letter" is a risk to minimise.
BAD_THINGS = re.compile(r"\b(letter|penalty|penalties|fine|fined|nasty|late|wrong|error|bill|audit|"
                         r"investigat\w*|complaint|spam)\b")
