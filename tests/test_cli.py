"""The command line as a user meets it: output, exports, and one-line errors."""

import json

import duckdb

from .conftest import EXAMPLES


def test_ingest_and_show_the_seed(cli, seed_path, expected):
    result = cli("ingest", str(seed_path))
    assert result.code == 0, result.err
    article_id = result.out.split("article id: ")[1].split()[0]
    shown = cli("show", article_id[:8])
    assert shown.code == 0, shown.err
    out = " ".join(shown.out.split())  # the terminal wraps lines
    gold = expected["article"]
    assert gold["title"] in out
    assert "byline AT Monitoring Desk" in out
    assert "dateline Kabul" in out
    assert gold["body_starts_with"] in out and gold["body_ends_with"] in out
    for furniture in gold["boilerplate_removed"]:
        assert furniture not in out
    assert "unknown (not in the source" in out  # no guessed date
    assert "relays RIA Novosti" in out
    assert "Zamir Kabulov ← “he” · told → RIA Novosti" in out  # quotes with their resolved speaker
    assert "> 10,000 Daesh fighters (Islamic State)" in out and "claimed by Zamir Kabulov" in out
    assert "troops of Daesh (Islamic State)" in out  # whose, said once: not "Daesh fighters of Daesh"


def test_published_option_and_filters(cli, seed_path):
    assert cli("ingest", str(seed_path), "--published", "2017-12-23", "--source", "Afghanistan Times").code == 0
    listed = cli("articles", "--since", "2017-12-01", "--site", "afghanistan")
    assert "Alarming signs" in listed.out and "2017-12-23" in listed.out
    assert "no articles match" in cli("articles", "--until", "2017-01-01").out
    assert "Alarming signs" in cli("articles", "--mentions", "Kabulov").out


def test_stats_failures_and_exports(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert cli("ingest", str(EXAMPLES), str(tmp_path / "empty.txt")).code == 0
    stats = cli("stats").out
    assert "articles" in stats and "25" in stats and "open failures" in stats
    failures = cli("failures").out
    assert "empty.txt" in failures and "empty input" in failures

    jsonl = tmp_path / "articles.jsonl"
    assert cli("export", "-o", str(jsonl)).code == 0
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert len(records) == 25 and all(r["synthetic"] for r in records)

    stories = " ".join(cli("stories").out.split())
    assert "Frontier Times, Khyber Daily" in stories and "Torkham" in stories
    story_id = stories.split("Frontier Times")[0].split()[-2]
    assert "story " + story_id + " (2 articles)" in " ".join(cli("show", story_id).out.split())
    assert "no story told by 3 or more articles" in cli("stories", "--min-articles", "3").out

    parquet = tmp_path / "mentions.parquet"
    assert cli("export", "--format", "parquet", "--table", "mentions", "-o", str(parquet)).code == 0
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{parquet}'").fetchone()[0] > 200

    csv = tmp_path / "sentences.csv"
    assert cli("export", "-f", "csv", "--table", "sentences", "-o", str(csv)).code == 0
    assert csv.read_text().splitlines()[0] == "article_id,sentence,paragraph,start_char,end_char"


def test_retry_failures(cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"")
    cli("ingest", str(story))
    story.write_text("Floods in Kabul\n\nOfficials in Kabul said on Monday that floods had killed 12 people.", encoding="utf-8")
    retried = cli("failures", "--retry")
    assert retried.code == 0 and "1 added" in retried.out
    assert "no open failures" in cli("failures").out


def test_errors_are_one_line_with_nonzero_exit(cli, tmp_path):
    cases = [
        cli("show", "deadbeef"),  # no store yet
        cli("ingest", str(EXAMPLES / "text" / "lima-protests.txt"), "--published", "last week"),
    ]
    cli("ingest", str(EXAMPLES / "text"))
    cases += [cli("show", "ffffffffff"), cli("export", "-o", str(tmp_path / "x.xml"), "--format", "xml"), cli("export", "-o", str(tmp_path / "no" / "x.csv"))]
    cases.append(cli("ingest", str(EXAMPLES / "html"), "--ray", "ray://127.0.0.1:1"))  # no cluster there
    for result in cases:
        assert result.code != 0
        assert "Traceback" not in result.err
        assert len([line for line in result.err.splitlines() if line.strip()]) <= 6  # usage errors may show a short box
    assert cases[0].err.startswith("error: no store at")
    assert "not an ISO date" in cases[1].err
    assert cases[-1].err.startswith("error: cannot start or reach Ray at 'ray://127.0.0.1:1'")


def test_db_from_environment(tmp_path, monkeypatch, capsys):
    from newsdesk.cli import main

    db = tmp_path / "env.duckdb"
    monkeypatch.setenv("NEWSDESK_DB", str(db))
    try:
        main(["ingest", str(EXAMPLES / "text" / "lima-protests.txt")])
    except SystemExit as exc:
        assert exc.code == 0
    assert db.exists()
