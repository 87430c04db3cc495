"""Terminal output: data from articles is printed as text, never read as rich markup."""

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
