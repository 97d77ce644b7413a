"""CLI: ``jtbd survey draft|import|score`` and ``jtbd segment`` (thin adapters over
:mod:`jtbd.survey`)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from jtbd.commands import common
from jtbd.errors import InputError, JtbdError, MissingDependency

if TYPE_CHECKING:  # the survey stack (pandas, sklearn) loads only when a command runs
    from jtbd.survey.items import ItemScore
    from jtbd.survey.scoring import OutcomeScore

survey_app = typer.Typer(no_args_is_help=True, help="Outcome surveys: draft a questionnaire, "
                         "import responses, score opportunities.")

SAMPLE_OUTCOMES = Path(__file__).resolve().parents[1] / "sample" / "outcomes.json"
from jtbd.config import STUDY_RESPONSES  # noqa: E402

_RESPONSES_HELP = ("Responses table (.csv, .csv.gz, .xlsx), wide (a row per respondent) or long "
                   "(a row per respondent x outcome). Default: the study's imported "
                   "survey/responses.csv.")


def _fmt(v: float | None, digits: int = 1) -> str:
    return "-" if v is None or v != v else f"{v:.{digits}f}"


def _responses_path(ctx: typer.Context, given: Path | None) -> Path:
    if given is not None:
        return given
    from jtbd.services import open_workbench

    with open_workbench(common.state(ctx)) as wb:
        path = wb.path / STUDY_RESPONSES
    if not path.is_file():
        raise InputError("no responses given and the study has none; pass RESPONSES.csv or run "
                         "`jtbd survey import RESPONSES.csv`")
    return path


def _sample_outcomes() -> list[tuple[str, str]]:
    doc = json.loads(SAMPLE_OUTCOMES.read_text(encoding="utf-8"))
    return [(j["statement"], o) for j in doc["jobs"] for o in j["outcomes"]]


@survey_app.command("draft")
def draft_cmd(
    ctx: typer.Context,
    out: Path = typer.Option(None, "--out", "-o", help="Write the Markdown questionnaire here "
                             "(and the question CSV next to it, same name, .csv)."),
    product: str = typer.Option(None, "--product", help="Product or service name for the "
                                "screener."),
    demographics: bool = typer.Option(True, "--demographics/--no-demographics",
                                      help="Add demographic questions."),
    aio: bool = typer.Option(True, "--aio/--no-aio", help="Add activities/interests/opinions "
                             "questions."),
    sample: bool = typer.Option(False, "--sample", help="Use the sample study's outcomes."),
) -> None:
    """Draft an importance/satisfaction questionnaire from the study's outcome statements."""
    from jtbd.survey.draft import draft_survey

    with common.handle_errors():
        outcomes: list[tuple[str, str]] = []
        if not sample:
            try:
                from jtbd.services import open_workbench

                with open_workbench(common.state(ctx)) as wb:
                    outcomes = wb.outcome_statements()
            except JtbdError as exc:
                common.err_console.print(f"[yellow]note:[/] no study here ({exc}).")
            if not outcomes:
                common.err_console.print("[yellow]note:[/] no outcome statements yet — run "
                                         "`jtbd synthesize` first; drafting from the sample "
                                         "study's outcomes.")
        if not outcomes:
            outcomes = _sample_outcomes()
            product = product or "Tally"
        draft = draft_survey(outcomes, product=product, demographics=demographics, aio=aio)
        if out is None:
            typer.echo(draft.markdown)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(draft.markdown, encoding="utf-8")
        csv_path = out.with_suffix(".csv")
        csv_path.write_text(draft.csv_text, encoding="utf-8")
        common.console.print(f"wrote {out} and {csv_path} ({len(draft.questions)} questions)")


@survey_app.command("import")
def import_cmd(
    ctx: typer.Context,
    responses: Path = typer.Argument(..., help="Responses table (.csv, .csv.gz, .xlsx)."),
    id_column: str = typer.Option(None, "--id-column", help="Respondent id column (default "
                                  "respondent_id; row numbers when absent)."),
    k: int = typer.Option(None, "--k", help="Number of needs-based segments (default: chosen by silhouette)."),
    seed: int = typer.Option(0, "--seed", help="Random seed for bootstrap and clustering."),
) -> None:
    """Check a responses table, store it in the study (survey/responses.csv) and analyse it:
    opportunity scores, needs-based segments and job significance (shown in the report/app)."""
    from jtbd.services import import_survey, open_workbench

    with common.handle_errors():
        with open_workbench(common.state(ctx)) as wb:
            summary = import_survey(wb, responses, id_column=id_column, k=k, seed=seed)
        for note in summary.notes:
            common.console.print(f"- {note}")
        common.console.print(f"stored {responses}: {summary}")


@survey_app.command("score")
def score_cmd(
    ctx: typer.Context,
    responses: list[Path] = typer.Argument(
        None, help=_RESPONSES_HELP + " With --engine dask: a glob such as 'responses/*.csv' "
        "(quoted) or several files (.csv, .csv.gz, .xlsx, .parquet), one partition each."),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
    by: str = typer.Option(None, "--by", help="Also score within each value of this respondent "
                           "attribute column."),
    engine: str = typer.Option("local", "--engine", help="local: in memory (numpy); dask: count "
                               "per partition on Dask, for response sets bigger than memory "
                               "(same scores; needs pip install 'jtbd\\[distributed]')."),
    scheduler: str = typer.Option(None, "--scheduler", help="With --engine dask: a "
                                  "dask.distributed scheduler address (tcp://host:8786); "
                                  "default: local threads."),
    id_column: str = typer.Option(None, "--id-column", help="Respondent id column."),
    ci: bool = typer.Option(True, "--ci/--no-ci", help="Bootstrap 95% confidence intervals."),
    n_boot: int = typer.Option(1000, "--boot", help="Bootstrap resamples."),
    seed: int = typer.Option(0, "--seed", help="Random seed for the bootstrap."),
    scale: int = typer.Option(None, "--scale", help="Rating scale length for every outcome "
                              "(default: inferred, 5/7/10)."),
    items: bool = typer.Option(False, "--items", help="Score every rating column as a plain item "
                               "(top-two-box), for tables without importance/satisfaction "
                               "pairs."),
) -> None:
    """Opportunity scores: I, S and I + max(I - S, 0) per outcome, with bands."""
    from jtbd.survey import load_items, load_responses, score, score_items
    from jtbd.survey.responses import NoRatingPairs

    with common.handle_errors():
        if engine not in ("local", "dask"):
            raise InputError(f"--engine must be local or dask, not {engine!r}")
        if engine == "dask":
            from jtbd.survey.distributed import score_dask

            if items or not responses:
                raise InputError("--engine dask scores importance/satisfaction pairs of the "
                                 "given files; pass a glob or files and leave out --items")
            try:
                table = score_dask([str(p) for p in responses], by=by, id_column=id_column,
                                   scheduler=scheduler, scale=scale, ci=ci, n_boot=n_boot,
                                   seed=seed)
            except MissingDependency as exc:  # keep "jtbd[distributed]" out of rich markup
                common.err_console.print(f"[bold red]error:[/] {escape(str(exc))}",
                                         highlight=False, soft_wrap=True)
                raise typer.Exit(exc.exit_code) from None
            if as_json:
                common.print_json(table.to_dict())
                return
            _print_scores(table.ranked(), f"Opportunity scores: {len(responses)} input(s), "
                          f"{table.n_respondents} respondents (dask)", ci)
            for name in table.groups:
                _print_scores(table.ranked(name), f"{by} = {name} "
                              f"(n={table.group_sizes[name]})", ci)
            return
        if responses and len(responses) > 1:
            raise InputError(f"{len(responses)} files given; the local engine scores one table "
                             "— pass one file, or use --engine dask for several")
        path = _responses_path(ctx, responses[0] if responses else None)
        if items:
            rows = score_items(load_items(path, id_column=id_column, scale=scale))
            if as_json:
                common.print_json({"items": [r.to_dict() for r in rows]})
                return
            _print_items(rows, path)
            return
        try:
            data = load_responses(path, id_column=id_column, scale=scale)
        except NoRatingPairs as exc:
            # a table of plain ratings (no importance/satisfaction pairs): score its items
            rows = score_items(load_items(path, id_column=id_column, scale=scale))
            common.err_console.print(f"[yellow]note:[/] {exc.args[0].split(';')[0]}; scoring every rating "
                                     "column as a plain item (top-two-box, 0-10). Use --items to say so.")
            if as_json:
                common.print_json({"mode": "items", "outcomes": [], "items": [r.to_dict() for r in rows]})
                return
            _print_items(rows, path)
            return
        table = score(data, by=by, ci=ci, n_boot=n_boot, seed=seed)
        if as_json:
            common.print_json(table.to_dict())
            return
        for note in data.notes:
            common.err_console.print(f"[dim]{note}[/]")
        _print_scores(table.ranked(), f"Opportunity scores: {path.name}", ci)
        for name in table.groups:
            _print_scores(table.ranked(name), f"{by} = {name} (n={table.group_sizes[name]})", ci)


def _print_items(rows: list[ItemScore], path: Path) -> None:
    t = Table("item", "n", "scale", "top-two-box", "mean", "labels",
              title=f"Top-two-box scores (0-10): {path.name}")
    for r in rows:
        t.add_row(r.item, str(r.n), f"1-{r.scale}", _fmt(r.top_two_box), _fmt(r.mean, 2), r.family)
    common.console.print(t)


def _print_scores(rows: list[OutcomeScore], title: str, ci: bool) -> None:
    t = Table("outcome", "n", "I", "S", "opportunity", "band", "", title=title)
    if ci:
        t.add_column("95% CI")
    for o in rows:
        flag = "underserved" if o.underserved else ("overserved" if o.overserved else "")
        cells = [o.outcome, str(o.n), _fmt(o.importance), _fmt(o.satisfaction),
                 _fmt(o.opportunity), o.band, flag]
        if ci:
            lo, hi = o.opportunity_ci or (None, None)
            cells.append(f"{_fmt(lo)}–{_fmt(hi)}")
        t.add_row(*cells)
    common.console.print(t)


def segment_cmd(
    ctx: typer.Context,
    responses: Path = typer.Argument(None, help=_RESPONSES_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print machine-readable JSON."),
    k: int = typer.Option(None, "--k", help="Number of segments (default: chosen by silhouette, "
                          "2..8)."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    id_column: str = typer.Option(None, "--id-column", help="Respondent id column."),
) -> None:
    """Needs-based segments: cluster respondents on their centred outcome ratings."""
    from jtbd.survey import load_responses, segment

    with common.handle_errors():
        path = _responses_path(ctx, responses)
        data = load_responses(path, id_column=id_column)
        result = segment(data, k=k, seed=seed)
        if as_json:
            common.print_json(result.to_dict())
            return
        t = Table("segment", "size", "share", "top underserved outcomes",
                  title=f"Needs-based segments: {path.name} (k={result.k}, {result.criterion})")
        for s in result.segments:
            t.add_row(str(s.segment), str(s.size), f"{s.share:.0%}",
                      "\n".join(s.top_underserved[:3]) or "(none)")
        common.console.print(t)
        common.console.print(result.demographics_vs_needs.summary)


def register(app: typer.Typer) -> None:
    """Add ``survey`` (draft, import, score) and ``segment`` to the ``jtbd`` app."""
    app.add_typer(survey_app, name="survey", help="Outcome surveys: draft a questionnaire, "
                  "import responses, score opportunities (I + max(I - S, 0)).")
    app.command("segment", help="Needs-based segments from survey responses (response style "
                "removed, PCA, k-means).")(segment_cmd)
