"""Terminal output: data from articles is printed as text, never read as rich markup."""

import csv
import io

from parley import output
from parley.records import Quote


def test_table_cells_with_markup_like_text_print_as_written():
    quotes = [Quote(id="q1", article_id="a1", text="We reject [/b] and [bold]this[/bold] plan", speaker="[red]X[/red]")]
    out = io.StringIO()
    assert output.emit(quotes, "table", output.QUOTE_COLUMNS, out=out) == 1
    printed = out.getvalue()
    assert "[/b]" in printed and "[bold]this[/bold]" in printed and "[red]X[/red]" in printed


def test_timeline_lines_escape_markup(capsys):
    entries = [{"date": "2020-01-01", "text": "[/x] met [bold]Y[/bold]", "outlets": ["[i]Herald"],
                "sentence": "A [/broken] sentence."}]
    output.show_timeline(entries, with_sentences=True)
    printed = capsys.readouterr().out
    assert "[/x] met [bold]Y[/bold]" in printed and "[i]Herald" in printed and "[/broken]" in printed


ROWS = [{"id": "4f1c2d9e8a7b6c5d", "published": "2020-01-02", "outlet": "The Daily Ledger of Record",
         "headline": "Envoys agree to resume border talks after a two-year pause in the historical dispute",
         "dateline": "GENEVA", "body": "one two three", "duplicate_of": None},
        {"id": "9e8a7b6c5d4f1c2d", "published": "2020-01-03", "outlet": "Courier",
         "headline": "CONSULTATIONS continue", "dateline": "", "body": "x", "duplicate_of": "4f1c2d9e8a7b6c5d"}]


def _words_whole(line: str, texts: list[str]) -> bool:
    """Every word of the line is a whole word of the data, or a whole word's run cut by an ellipsis."""
    known = {w for t in texts for w in t.split()}
    return all(w in known or w.endswith("…") or w.isdigit() for w in line.split())


def test_narrow_table_drops_low_value_columns_and_cuts_at_words():
    out = io.StringIO()
    output.emit(ROWS, "table", output.ARTICLE_COLUMNS, out=out, width=80)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = lines[0].split()
    assert header[:3] == ["published", "outlet", "headline"] and "dup" not in header and "words" not in header
    assert "…" in lines[1] and "histor" not in lines[1]  # cut before a word, never inside it
    assert _words_whole(lines[1], [ROWS[0]["headline"], ROWS[0]["outlet"], "2020-01-02"])


def test_wide_table_shows_every_column_uncut():
    out = io.StringIO()
    output.emit(ROWS, "table", output.ARTICLE_COLUMNS, out=out, width=250)
    text = out.getvalue()
    assert ROWS[0]["headline"] in text and "dup of" in text and "…" not in text


def test_a_pipe_gets_tab_separated_values():
    out = io.StringIO()  # not a terminal
    assert output.emit(ROWS, "table", output.ARTICLE_COLUMNS, out=out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0] == "published\toutlet\theadline\tdateline\twords\tdup of\tid"
    assert lines[1].split("\t")[2] == ROWS[0]["headline"]


def test_csv_cells_that_would_run_as_formulas_are_made_inert():
    quotes = [Quote(id="q1", article_id="a1", text='=HYPERLINK("http://x.example","click")', speaker="+Evil",
                    cue="-said", kind="direct"),
              Quote(id="q2", article_id="a1", text="@SUM(A1)", speaker="\tTab", kind="direct")]
    out = io.StringIO()
    output.emit(quotes, "csv", [], out=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["text"].startswith("'=HYPERLINK") and rows[0]["speaker"] == "'+Evil" and rows[0]["cue"] == "'-said"
    assert rows[1]["text"] == "'@SUM(A1)" and rows[1]["speaker"] == "'\tTab"
    assert output.safe_cell(-2.5) == -2.5 and output.safe_cell("Seoul") == "Seoul"


def test_export_csv_is_formula_safe_too(tmp_path):
    from parley.export.tabular import read_csv, write_csv

    quotes = [Quote(id="q1", article_id="a1", text="=1+1", speaker="Kim", kind="direct")]
    rows = read_csv(write_csv(quotes, Quote, tmp_path / "quotes.csv"))
    assert rows[0]["text"] == "'=1+1" and rows[0]["speaker"] == "Kim"


def test_progress_lines_without_a_terminal_carry_total_rate_and_time_left():
    err = io.StringIO()
    with output.Meter(4, "ingest", live=False, every=0, stream=err) as meter:
        for label in ["a", "b", "c", "d"]:
            meter.advance(label)
    lines = err.getvalue().splitlines()
    assert lines[0] == "parley: ingest 0/4"
    assert lines[1].startswith("parley: ingest 1/4, ") and "/s" in lines[1] and "left" in lines[1]
    assert len(lines) == 5


def test_progress_is_silent_when_quiet():
    err = io.StringIO()
    with output.Meter(4, "ingest", live=False, quiet=True, every=0, stream=err) as meter:
        meter.advance("a")
    assert err.getvalue() == ""
