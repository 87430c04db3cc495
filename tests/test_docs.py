"""The README's usage is tested: every command it shows exists and takes the options it shows."""

import re
from pathlib import Path

from typer.testing import CliRunner

from parley.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def usage_lines():
    text = README.read_text()
    block = text.split("## Usage", 1)[1].split("```", 2)[1]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip().startswith("parley ")]


def test_every_documented_command_and_option_exists():
    runner = CliRunner()
    lines = usage_lines()
    assert len(lines) >= 12
    for line in lines:
        command = line.split()[1]
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, f"{command}: {result.output}"
        for option in re.findall(r"--[a-z][a-z-]*", line):
            assert option in result.output, f"{command} lacks {option}"


def test_contract_commands_are_documented():
    commands = {line.split()[1] for line in usage_lines()}
    assert {"ingest", "articles", "actors", "quotes", "events", "timeline", "code", "export", "serve"} <= commands


def test_every_record_field_is_documented():
    from dataclasses import fields

    from parley import records

    text = (README.parent / "docs" / "records.md").read_text()
    for cls in (records.Article, records.Actor, records.Role, records.Mention, records.Quote, records.Event,
                records.EventActor, records.Location, records.Source):
        for f in fields(cls):
            assert f"`{f.name}`" in text, f"{cls.__name__}.{f.name} is not described in docs/records.md"


EVENTS_DOC = README.parent / "docs" / "events.md"


def convention_rows():
    table = EVENTS_DOC.read_text().split("| sentence | events |", 1)[1].split("\n\n", 1)[0]
    for line in table.splitlines()[2:]:
        sentence, events = (cell.strip() for cell in line.strip().strip("|").split(" | "))
        expected = set() if events.startswith("(none") else {e.strip() for e in events.split(";")}
        yield sentence, expected


def test_the_event_conventions_doc_says_what_parley_codes():
    import parley

    rows = list(convention_rows())
    assert len(rows) >= 8
    for sentence, expected in rows:
        got = {f"{e.type} {e.actor1.name} -> {e.actor2.name if e.actor2 else 'none'} ({e.status}, {e.date})"
               for e in parley.code(sentence, date="2025-03-12")}
        assert got == expected, sentence
