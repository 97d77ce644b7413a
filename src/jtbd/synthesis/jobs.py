"""Main jobs: cluster participants by what they are trying to get done, and phrase each
cluster's job as verb + object + clarifier from its own language."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from sklearn.preprocessing import normalize

from jtbd.synthesis.cluster import choose_k_ward, distinctive_terms, vectorize
from jtbd.synthesis import progress
from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.lexicon import BAD_THINGS, NUMBER_WORDS
from jtbd.synthesis.lint import lint_job_statement
from jtbd.synthesis.text import Phrase, base_verb, content_words, verb_phrases

#: Codes whose sentences say what a participant is trying to get done: the struggle, the
#: attraction of the better way and the desired outcome. Triggers, workarounds and anxieties
#: are left out: they are often shared across jobs (a deadline, a spreadsheet, the price) and
#: pulled participants of different jobs together.
JOB_CODES = frozenset(("push", "pull", "outcome"))
_CLARIFIER = re.compile(
    r"\b(on time|in time|for (?:tax|the year|year[- ]end|[a-z]+ (?:work|time|season))|before [a-z]+(?: [a-z]+)?|"
    r"without (?:a |the )?[a-z]+(?:[- ][a-z]+)?|at (?:year[- ]end|the end of [a-z ]+?|tax time)|"
    r"as (?:it|they) happens?)\b", re.IGNORECASE)

#: A review or ticket joins a job when its cosine similarity to the job's centroid reaches this.
ASSIGN_MIN_SIMILARITY = 0.15

#: Verbs of progress ("get paid", "keep the books ready", "know who owes what") name the progress
#: a customer seeks rather than a task; they are preferred in job statements.
PROGRESS_VERBS = {"get": 2.0, "keep": 2.0, "stay": 2.0, "know": 1.6, "avoid": 1.4, "stop": 1.2}

#: How distinctive (class TF-IDF, 0..1) a progress phrase's object must be to lead.
PROGRESS_MIN_DISTINCT = 0.2

#: Verbs that make weak job statements ("stop chasing ..." frames the pain, not the progress).
_WEAK_VERBS = frozenset(("run", "pay", "spend", "lose", "miss", "try", "help", "put", "take",
                         "read", "charge", "split", "match", "learn", "feel", "answer", "add", "print", "forget",
                         "make", "fix", "edit", "go", "come", "tell", "say", "ask"))

#: Objects that make no job ("tell myself ...", "get it").
_NO_OBJECT = frozenset(("myself", "yourself", "ourselves", "themselves", "himself", "herself", "itself", "it",
                        "them", "this", "that", "something", "anything", "everything"))


@dataclass
class JobCluster:
    """One job's members: participant keys and the indexes of their excerpts in the corpus."""

    id: str
    units: list[str]
    excerpt_idx: list[int]
    terms: dict[str, float]
    phrase: Phrase | None = None
    statement: str = ""
    lint: list[str] | None = None
    candidates: list[tuple[float, Phrase, int]] | None = None
    #: Class-based TF-IDF of the job's push/pull/outcome/emotional language (0..1).
    class_terms: dict[str, float] | None = None


def cluster_jobs(corpus: Corpus) -> tuple[list[JobCluster], float]:
    """Group participants into jobs (TF-IDF + LSA + Ward clustering, k by silhouette in 2..6,
    at least two participants per job). When the study has at least four interview participants, jobs
    are discovered from the interviews (the rich evidence) and other documents (reviews,
    tickets) join the job they are most similar to, or none. Returns the clusters (largest
    first) and the silhouette."""
    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(corpus.units):
        by_unit[u].append(i)
    units = sorted(by_unit, key=natural_key)
    if not units:
        return [], 0.0
    texts = {}
    for u in units:
        idx = by_unit[u]
        rel = [i for i in idx if JOB_CODES.intersection(corpus.excerpts[i].codes)] or idx
        texts[u] = " ".join(corpus.excerpts[i].text for i in rel)
    core = [u for u in units if any(corpus.excerpts[i].kind == "interview" for i in by_unit[u])]
    if len(core) < 4:
        core = units
    rest = [u for u in units if u not in set(core)]
    tv = vectorize([texts[u] for u in core], seed=corpus.seed, banned=corpus.banned,
                   min_df=2 if len(core) > 6 else 1)
    if len(core) >= 4:
        labels, sil = choose_k_ward(tv.embedding)
    else:
        labels, sil = np.zeros(len(core), dtype=int), 0.0
    members: dict[int, list[str]] = {c: [u for u, lab in zip(core, labels) if lab == c] for c in set(labels.tolist())}
    if rest and tv.project is not None:
        centroids = normalize(np.vstack([tv.embedding[labels == c].mean(axis=0) for c in sorted(members)]))
        sims = tv.project([texts[u] for u in rest]) @ centroids.T
        for u, row in zip(rest, sims):
            if row.max() >= ASSIGN_MIN_SIMILARITY:
                members[sorted(members)[int(np.argmax(row))]].append(u)
    clusters = []
    for c in sorted(members):
        idx = sorted(i for u in members[c] for i in by_unit[u])
        clusters.append(JobCluster(f"job-{c + 1}", sorted(members[c], key=natural_key), idx,
                                   distinctive_terms(tv.tfidf, tv.vocab, labels == c, 40)))
    for c, terms in zip(clusters, class_tfidf(corpus, clusters)):
        c.class_terms = terms
    return clusters, sil


#: Codes whose sentences carry the progress a job's participants seek.
_PROGRESS_CODES = frozenset(("push", "pull", "outcome", "emotional", "trigger"))


def class_tfidf(corpus: Corpus, clusters: list[JobCluster]) -> list[dict[str, float]]:
    """Per cluster, how distinctive each word of its push/pull/outcome/emotional sentences is
    (class-based TF-IDF: a word's frequency in the class, counted once per participant and
    half for reviews/tickets, times log(1 + A / f) with A the mean class size and f the word's
    frequency over all classes; minus its mean weight in the other classes; scaled to 0..1)."""
    counts: list[Counter[str]] = []
    for c in clusters:
        seen: dict[tuple[str, str], float] = {}
        for i in c.excerpt_idx:
            ex = corpus.excerpts[i]
            if not _PROGRESS_CODES & set(ex.codes):
                continue
            w_unit = 1.0 if corpus.units[i] in corpus.people else 0.5
            for w in content_words(ex.text):
                if w not in corpus.banned:
                    key = (_norm(w), corpus.units[i])
                    seen[key] = max(seen.get(key, 0.0), w_unit)
        cnt: Counter[str] = Counter()
        for (w, _), v in seen.items():
            cnt[w] += v
        counts.append(cnt)
    total: Counter[str] = Counter()
    for cnt in counts:
        total.update(cnt)
    mean_size = (sum(total.values()) / len(counts)) if counts else 1.0
    raw = [{w: n / max(1.0, sum(cnt.values())) * np.log1p(mean_size / total[w]) for w, n in cnt.items()}
           for cnt in counts]
    out = []
    for k, r in enumerate(raw):
        others = [raw[j] for j in range(len(raw)) if j != k]
        dist = {w: v - (sum(o.get(w, 0.0) for o in others) / len(others) if others else 0.0) for w, v in r.items()}
        top = max(dist.values(), default=0.0)
        out.append({w: v / top for w, v in sorted(dist.items(), key=lambda t: (-t[1], t[0])) if v > 0 and top > 0})
    return out


def _norm(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _head(ph: Phrase) -> str | None:
    """The object's head word ("payment" in "chase late payments", "paid" in "get paid")."""
    ws = content_words(ph.object) or [w for w in ph.object.split() if w in ("paid", "done")]
    return _norm(ws[-1]) if ws else None


def rank_phrases(corpus: Corpus, cluster: JobCluster) -> list[tuple[float, Phrase, int]]:
    """Candidate verb-object phrases of a job, best first. An object head scores by how
    distinctive it is for the cluster times how many participants act on it (weighted by the
    code of the sentence: outcome > pull > push/trigger > other); a phrase then scores by the
    share of those participants who use its verb. Returns (score, phrase, support)."""
    weights = cluster.class_terms if cluster.class_terms is not None else \
        {_norm(k): v for k, v in cluster.terms.items()}
    unit_boost: dict[tuple[str, str], float] = {}  # (head, unit) -> best boost
    verb_units: dict[tuple[str, str], set[str]] = defaultdict(set)
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    examples: dict[str, Phrase] = {}
    intent: set[tuple[str, str]] = set()
    for i in cluster.excerpt_idx:
        ex = corpus.excerpts[i]
        boost = 3.0 if "outcome" in ex.codes else 1.5 if "pull" in ex.codes else \
            1.0 if {"push", "trigger"} & set(ex.codes) else 0.5
        if ex.kind != "interview":
            boost *= 0.5  # reviews and tickets support a job; interviews name it
        for ph in verb_phrases(ex.text, corpus.banned):
            h = _head(ph)
            if h is None or ph.object.split()[0] in _NO_OBJECT:
                continue
            u = corpus.units[i]
            b = boost * (1.5 if ph.intent else 1.0)
            unit_boost[(h, u)] = max(unit_boost.get((h, u), 0.0), b)
            verb_units[(ph.verb, h)].add(u)
            forms[(ph.verb, h)][ph.text] += 1
            examples.setdefault(ph.text, ph)
            if ph.intent:
                intent.add((ph.verb, h))
    coverage = _coverage(corpus, cluster)
    head_score: dict[str, float] = defaultdict(float)
    head_units: dict[str, int] = Counter()
    for (h, _), b in unit_boost.items():
        head_score[h] += b
        head_units[h] += 1
    ranked = []
    for (verb, h), units in verb_units.items():
        # a job is shared: prefer objects most of the job's people talk about
        base = (weights.get(h, 0.0) + 0.01) * head_score[h] * (0.4 + coverage.get(h, 0.0))
        share = len(units) / head_units[h]
        factor = (0.5 if verb in _WEAK_VERBS else PROGRESS_VERBS.get(verb, 1.0)) * \
            (1.3 if (verb, h) in intent else 1.0) * (1.0 if len(units) >= 2 else 0.6)
        if verb in PROGRESS_VERBS and _verb_object(examples[next(iter(forms[(verb, h)]))]):
            factor *= 0.2  # "keep telling myself ..." is a habit, not a job
        for form, n in sorted(forms[(verb, h)].items(), key=lambda t: (-t[1], len(t[0]), t[0])):
            ph = examples[form]
            n_words = len(form.split())
            shape = (1.0 if 2 <= n_words <= 8 else 0.5) * (0.3 if _specific(ph) else 1.0)
            score = base * (0.2 + share) * factor * shape * (1.0 + 0.1 * n)
            ranked.append((round(float(score), 9), ph, len(units)))
    ranked.sort(key=lambda t: (-t[0], t[1].text))
    top = ranked[0][0] if ranked else 0.0
    # Progress first: a progress-verb phrase on a distinctive object that two participants use
    # (or one says as a wish) names the job better than the most frequent task phrase.
    progress = [t for t in ranked if t[1].verb in PROGRESS_VERBS and not BAD_THINGS.search(t[1].object)
                and not _verb_object(t[1]) and (t[2] >= 2 or (verb_intent(t[1], intent)))
                and _distinct(t[1], weights) >= PROGRESS_MIN_DISTINCT and t[0] >= 0.03 * top]
    return progress + [t for t in ranked if t not in progress]


def _specific(ph: Phrase) -> bool:
    """Amounts and counts ("pay forty-eight pounds a month") are one person's details, not a job."""
    return any(w in NUMBER_WORDS or any(ch.isdigit() for ch in w) or "-" in w and w.split("-")[0] in NUMBER_WORDS
               for w in ph.text.lower().split())


def _coverage(corpus: Corpus, cluster: JobCluster) -> dict[str, float]:
    """Per (normalised) word, the share of the job's interview participants (all its units when
    it has none) who use it in their push/pull/outcome/emotional/trigger sentences."""
    people = [u for u in cluster.units if u in corpus.people] or cluster.units
    members = set(people)
    users: dict[str, set[str]] = defaultdict(set)
    for i in cluster.excerpt_idx:
        u = corpus.units[i]
        if u in members and _PROGRESS_CODES & set(corpus.excerpts[i].codes):
            for w in content_words(corpus.excerpts[i].text):
                users[_norm(w)].add(u)
    return {w: len(us) / len(members) for w, us in users.items()} if members else {}


def _distinct(ph: Phrase, weights: dict[str, float]) -> float:
    """How distinctive the phrase's object and clarifier are for the job (best word)."""
    words = [_norm(w) for w in content_words(f"{ph.object} {ph.clarifier}")] + [_head(ph) or ""]
    return max((weights.get(w, 0.0) for w in words), default=0.0)


def _verb_object(ph: Phrase) -> bool:
    """An object that is itself an activity ("keep telling myself ...") makes no job."""
    first = ph.object.split()[0]
    return first.endswith("ing") and base_verb(first) is not None


def verb_intent(ph: Phrase, intent: set[tuple[str, str]]) -> bool:
    """Whether someone said this verb + head as a wish ("I need to keep receipts")."""
    return (ph.verb, _head(ph) or "") in intent


def _members_sentences(corpus: Corpus, cluster: JobCluster, codes: frozenset[str] | None = None
                       ) -> tuple[set[str], list[tuple[str, str]]]:
    """The job's interview participants (all its units when it has none) and their
    (participant, sentence) pairs, limited to sentences with one of ``codes`` when given."""
    members = set(u for u in cluster.units if u in corpus.people) or set(cluster.units)
    out = []
    for i in cluster.excerpt_idx:
        ex = corpus.excerpts[i]
        if corpus.units[i] in members and (codes is None or codes & set(ex.codes)):
            out.append((corpus.units[i], ex.text))
    return members, out


def _usable(ph: Phrase) -> bool:
    """Whether a phrase can name a job at all (an object, not an activity, amount or mishap)."""
    first = ph.object.split()[0] if ph.object else ""
    return bool(first) and first not in _NO_OBJECT and not _verb_object(ph) and not _specific(ph) \
        and not BAD_THINGS.search(ph.object) and _head(ph) is not None


def progress_candidates(corpus: Corpus, cluster: JobCluster, ranked: list[tuple[float, Phrase, int]]
                        ) -> list[tuple[float, Phrase]]:
    """Statement candidates scored by the progress they name (see :mod:`jtbd.synthesis.progress`):
    the ranked phrases, the participants' desire phrases ("I wanted to ...", "so I could ..."),
    and progress verbs moved from an artefact onto the thing being progressed when the study
    attests the pairing ("keep receipts" -> "keep the books"). Best first."""
    members, sentences = _members_sentences(corpus, cluster, _PROGRESS_CODES)
    _, all_sentences = _members_sentences(corpus, cluster)
    stats = progress.head_stats(sentences, members)
    distinct = cluster.class_terms if cluster.class_terms is not None else \
        {_norm(k): v for k, v in cluster.terms.items()}
    top = ranked[0][0] if ranked and ranked[0][0] > 0 else 1.0
    prior: dict[str, float] = {}
    support: dict[str, int] = {}
    pool: dict[str, Phrase] = {}
    for pos, (sc, ph, n) in enumerate(ranked[:60]):
        if ph.text not in pool:
            pool[ph.text] = ph
            prior[ph.text] = min(1.0, max(sc / top, 1.0 / (2 + pos)))
            support[ph.text] = n
    wish_users: dict[tuple[str, str], set[str]] = defaultdict(set)
    wishes: dict[str, Phrase] = {}
    for unit, text in all_sentences:
        for ph in progress.desire_phrases(text, corpus.banned):
            if _usable(ph):
                wish_users[(ph.verb, _head(ph) or "")].add(unit)
                wishes.setdefault(ph.text, ph)
    for text, ph in wishes.items():
        n = len(wish_users[(ph.verb, _head(ph) or "")])
        if text not in pool:
            pool[text] = ph
            prior[text] = 0.25
        pool[text] = Phrase(ph.verb, ph.object, ph.clarifier, True)
        support[text] = max(support.get(text, 0), n)
    # the thing being progressed: covered by most participants, named with a determiner by two
    doc_texts = [corpus.docs[str(d)].text for d in
                 sorted({corpus.excerpts[i].document_id for i in cluster.excerpt_idx}, key=lambda d: str(d))]
    abstract = []
    for w in sorted(stats.coverage):
        if progress.abstraction(w) > 1.0 and stats.of(w) >= 0.5 and w not in corpus.banned:
            nps = progress.noun_phrases(all_sentences, w)
            if nps and nps.most_common(1)[0][1] >= 2:
                abstract.append((w, nps.most_common(1)[0][0], nps.most_common(1)[0][1]))
    for text, ph in list(pool.items()):
        h = _head(ph)
        if ph.verb not in PROGRESS_VERBS or h is None or progress.abstraction(h) >= 1.0:
            continue
        for w, np_text, n in abstract:
            moved = Phrase(ph.verb, np_text, "", ph.intent)
            if moved.text not in pool and progress.attested(ph.verb, w, doc_texts):
                pool[moved.text] = moved
                prior[moved.text] = prior[text]
                support[moved.text] = n
    scored = [(round(progress.progress_score(ph, stats, distinct, support.get(t, 1), prior.get(t, 0.25))
                     * (0.5 if ph.verb in _WEAK_VERBS and ph.verb not in PROGRESS_VERBS else 1.0), 9), ph)
              for t, ph in pool.items() if _usable(ph)]
    scored.sort(key=lambda t: (-t[0], t[1].text))
    return scored


def _clarifier(corpus: Corpus, cluster: JobCluster, phrase: Phrase) -> str:
    """A clarifier ("on time", "at tax time", "every month", "without a year-end scramble") that
    at least two of the cluster's participants use, with words not already in the phrase: the
    most shared and distinctive one."""
    have = {_norm(w) for w in content_words(phrase.text)}
    members, sentences = _members_sentences(corpus, cluster)
    counts = progress.clarifier_candidates(sentences, _CLARIFIER, corpus.banned)
    stats = progress.head_stats(_members_sentences(corpus, cluster, _PROGRESS_CODES)[1], members)
    shared = {w for w in stats.coverage if stats.of(w) >= 0.5 and progress.abstraction(w) > 1.0}
    nouns = progress.noun_clarifiers(sentences, shared)
    counts.update(nouns)
    weights = dict(cluster.terms)
    for w, v in (cluster.class_terms or {}).items():
        weights[w] = max(weights.get(w, 0.0), v)
    people = len(members)
    best = []
    for c, n in counts.items():
        ws = [_norm(w) for w in content_words(c)]
        if n < 2 or set(ws) & have or not progress.reads_well(c):
            continue
        weight = sum(weights.get(w, 0.0) for w in ws)
        periodic = c.split()[0] in ("every", "once")
        if weight <= 0 and not (periodic and n >= max(2, people / 3)) and c not in ("on time", "in time"):
            continue
        # a circumstance ("on time", "at tax time") first, then a rhythm ("every month"), then a
        # phrase on a shared noun ("for clients")
        rank = 0 if c in _CLARIFIER.findall(c) else 1 if periodic else 2
        if rank and progress.is_state(phrase):
            continue  # "get paid every month" misreads a rhythm of tasks as the progress
        best.append((rank, -n * (0.3 + weight) * (0.5 if periodic else 1.0), c))
    best.sort()
    return best[0][2] if best else ""


def name_job(corpus: Corpus, cluster: JobCluster) -> None:
    """Choose the job statement: the candidate that best names the progress and passes the
    linter (or the best one, with its lint problems kept), plus a clarifier when it has none."""
    ranked = rank_phrases(corpus, cluster)
    cluster.candidates = ranked
    chosen: tuple[Phrase, str, list[str]] | None = None
    for _, ph in progress_candidates(corpus, cluster, ranked)[:40]:
        statement = ph.text if ph.clarifier else " ".join(x for x in (ph.text, _clarifier(corpus, cluster, ph)) if x)
        problems = lint_job_statement(statement, brands=corpus.banned)
        if chosen is None:
            chosen = (ph, statement, problems)
        if not problems:
            chosen = (ph, statement, problems)
            break
    if chosen is None:
        top = list(cluster.terms)[:2]
        statement = f"get {' '.join(top)} done" if top else "get the job done"
        chosen = (Phrase("get", " ".join(top) or "job", "done"), statement,
                  lint_job_statement(statement, brands=corpus.banned))
    cluster.phrase, cluster.statement, cluster.lint = chosen
