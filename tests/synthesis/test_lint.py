"""The job- and outcome-statement linters."""
from __future__ import annotations

import pytest

from jtbd.synthesis import lint_job_statement, lint_outcome_statement


@pytest.mark.parametrize("statement", [
    "get paid on time for finished client work",
    "keep the books ready for tax time without a year-end scramble",
    "plan a weekly family meal menu",
])
def test_good_job_statements_pass(statement: str) -> None:
    assert lint_job_statement(statement) == []


def test_solution_brand_and_several_thoughts_flagged() -> None:
    problems = " | ".join(lint_job_statement("use Tally to send invoices and track time"))
    assert "brand name (Tally)" in problems
    assert "several thoughts" in problems


def test_noun_only_statement_flagged() -> None:
    problems = lint_job_statement("invoices")
    assert any("does not start with a verb" in p for p in problems)
    assert any("no object" in p for p in problems)


def test_solution_words_and_brands_given_by_caller() -> None:
    assert any("names a solution (app)" in p for p in lint_job_statement("find an invoicing app for clients"))
    assert any("brand" in p for p in lint_job_statement("send invoices from xero", brands=frozenset({"xero"})))
    assert lint_job_statement("") == ["the statement is empty"]
    assert any("first person" in p for p in lint_job_statement("get my invoices paid"))


def test_outcome_statements() -> None:
    assert lint_outcome_statement("Minimize the time it takes to know which invoices are overdue") == []
    assert lint_outcome_statement("Increase the likelihood of getting paid on time") == []
    bad = lint_outcome_statement("Know which invoices are overdue")
    assert any("direction" in p for p in bad) and any("metric" in p for p in bad)
    assert any("object of control" in p for p in lint_outcome_statement("Minimize the time"))
    assert any("solution" in p for p in lint_outcome_statement("Minimize the time it takes to open the app"))
