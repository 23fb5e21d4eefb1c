"""``newsdesk eval …``: accuracy on real external data, printed as the source benchmark scores it."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .context import UserError, console, state

eval_app = typer.Typer(help="Measure newsdesk against external gold data (see ../shared/eval/README.md).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("extraction")
def extraction_command(
    folder: Annotated[Path, typer.Argument(help="Folder with ground-truth.json and html/<id>.html.gz.")],
    show_worst: Annotated[int, typer.Option(help="List the N pages with the lowest F1.")] = 5,
) -> None:
    """Article-body extraction, scored like the article-extraction-benchmark (4-gram shingles)."""
    from ..evaluate.extraction import evaluate_extraction

    if not (folder / "ground-truth.json").exists():
        raise UserError(f"{folder} has no ground-truth.json")
    result = evaluate_extraction(folder)
    console.print(f"pages {result.pages}   precision {result.precision:.4f}   recall {result.recall:.4f}   [bold]F1 {result.f1:.4f}[/]")
    console.print("[dim]anchors: trafilatura 2.0.0 0.958, rs-trafilatura 0.970, newspaper4k 0.949, news-please 0.948, readability.js 0.947[/]")
    if show_worst:
        console.print("[dim]lowest F1:[/]")
        for key, f1, url in result.worst(show_worst):
            console.print(f"  {f1:.3f}  {key[:12]}  {url}", highlight=False)


DEFAULT_SPEAKER_GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "speakers.jsonl"


@eval_app.command("quotes")
def quotes_command(
    folder: Annotated[Path, typer.Argument(help="PolNeAR split folder with text/ and attributions/.")],
    kinds: Annotated[str | None, typer.Option(help="Only our quotes of these cue kinds, comma-separated (speech,belief,evidence,denial,stance).")] = None,
    speakers: Annotated[Path, typer.Option(help="Hand judgements of who speaker mentions stand for (JSONL).")] = DEFAULT_SPEAKER_GOLD,
    show_wrong: Annotated[int, typer.Option(help="List up to N development speakers resolved wrong (never held-out ones).")] = 0,
) -> None:
    """Attribution (cue, source, content) against PolNeAR, exact and overlap matching; resolved speakers against hand judgements."""
    from ..evaluate.quotes import COMPONENTS, evaluate_quotes

    if not (folder / "attributions").is_dir() or not (folder / "text").is_dir():
        raise UserError(f"{folder} needs text/ and attributions/ folders (PolNeAR layout)")
    keep = frozenset(k.strip() for k in kinds.split(",")) if kinds else None
    scores = evaluate_quotes(folder, keep, speakers)
    console.print(f"texts {scores.texts}   gold attributions {scores.gold['cue']}   our quotes {scores.predicted['content']}")
    console.print(f"{'':10}{'exact P':>9}{'R':>7}{'F1':>7}   {'overlap P':>9}{'R':>7}{'F1':>7}")
    for component in COMPONENTS:
        exact, overlap = scores.prf(component, "exact"), scores.prf(component, "overlap")
        console.print(f"{component:10}" + "".join(f"{x:>7.3f}" if i else f"{x:>9.3f}" for i, x in enumerate(exact))
                      + "   " + "".join(f"{x:>7.3f}" if i else f"{x:>9.3f}" for i, x in enumerate(overlap)))
    console.print("our quotes by cue kind: " + ", ".join(f"{k} {v}" for k, v in sorted(scores.by_cue_kind.items())))
    p, r, f1 = scores.speech.prf()
    console.print(f"quotes in the narrow sense (say, tell, add, according to; cue overlap): P {p:.3f}   R {r:.3f}   [bold]F1 {f1:.3f}[/]"
                  f"   ({scores.speech.gold} gold, {scores.speech.ours} ours)")
    for set_name, tally in sorted(scores.speakers.items()):
        console.print(f"resolved speakers, {set_name}: {tally.right} of {tally.found} right ([bold]{tally.accuracy:.3f}[/]); "
                      f"{tally.judged} judged mentions, {tally.judged - tally.found} not a speaker of ours")
        for line in tally.wrong[:show_wrong]:
            console.print(f"  {line}")
    console.print("[dim]targets (overlap F1): cue 0.85, source 0.75, content 0.75. Anchors: Citron (PARC3) cue 0.823 exact, source 0.853 and content 0.833 overlap[/]")


@eval_app.command("quantities")
def quantities_command(path: Annotated[Path, typer.Argument(help="NewsQuant.json (CQE evaluation format).")]) -> None:
    """Quantity extraction (value, value+unit, value+change) on NewsQuant, as the CQE paper scores it."""
    from ..evaluate.quantities import MODES, evaluate_quantities

    if not path.is_file():
        raise UserError(f"{path} is not a file")
    scores = evaluate_quantities(path)
    console.print(f"sentences {scores.sentences}   gold quantities {scores.gold}   ours {scores.predicted}")
    for mode in MODES:
        p, r, f1 = scores.prf(mode)
        console.print(f"{mode:14} P {p:.3f}   R {r:.3f}   [bold]F1 {f1:.3f}[/]")
    console.print("[dim]anchors (value F1): CQE 0.920, quantulum3 0.730; CQE value+unit 0.856, value+change 0.881[/]")


DEFAULT_ACTOR_GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "actor_mentions.jsonl"


@eval_app.command("actors")
def actors_command(
    gold: Annotated[Path, typer.Argument(help="Hand-annotated actor mentions (JSONL; first line names the source corpus).")] = DEFAULT_ACTOR_GOLD,
    eval_root: Annotated[Path, typer.Option(help="Folder the gold file's source path is relative to.")] = Path("../shared/eval"),
    show_errors: Annotated[int, typer.Option(help="List up to N disagreements.")] = 20,
) -> None:
    """Actor resolution: mention-level precision, recall and F1 against hand-annotated real news."""
    from ..evaluate.actors import evaluate_actors

    if not gold.is_file():
        raise UserError(f"{gold} is not a file")
    scores = evaluate_actors(gold, eval_root)
    console.print(f"sentences {scores.sentences}   gold mentions {scores.gold}   ours {scores.predicted}"
                  + (f"   [red]misaligned gold rows {scores.misaligned}[/]" if scores.misaligned else ""))
    console.print(f"resolution  P {scores.precision:.3f}   R {scores.recall:.3f}   [bold]F1 {scores.f1:.3f}[/]"
                  f"   (gold mentions detected: {scores.detected_gold / max(scores.gold, 1):.3f})")
    console.print("precision by rule: " + ", ".join(
        f"{rule} {scores.correct_by_rule[rule]}/{n}" for rule, n in scores.by_rule.most_common()))
    if show_errors and scores.errors:
        console.print("[dim]disagreements (mention: gold → ours):[/]")
        for mention, expected, ours in scores.errors[:show_errors]:
            console.print(f"  {mention!r}: {expected} → {ours}", highlight=False)


@eval_app.command("geo")
def geo_command(
    corpus: Annotated[Path, typer.Argument(help="lgl.xml or GeoVirus.xml (toponym spans with gold coordinates).")],
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
) -> None:
    """Geoparsing: resolution given the gold toponyms, and end to end from raw text."""
    from ..evaluate.geo import evaluate_geo

    if not corpus.is_file():
        raise UserError(f"{corpus} is not a file")
    scores = evaluate_geo(corpus, limit)
    p, r, f1 = scores.tagging()
    console.print(f"articles {scores.articles}   gold toponyms {scores.gold}   ours {scores.found}")

    def line(label: str, s: dict) -> None:
        if not s.get("n"):
            console.print(f"{label:28} (none)")
            return
        ident = "—" if math.isnan(s["id_accuracy"]) else f"{s['id_accuracy']:.3f}"
        console.print(f"{label:28} n {s['n']:>5}   id {ident}   acc@161km [bold]{s['acc@161']:.3f}[/]   "
                      f"mean {s['mean_km']:7.0f} km   median {s['median_km']:6.1f} km   AUC {s['auc']:.3f}")

    line("(a) resolution, gold spans", scores.given.summary())
    console.print(f"(b) end to end: geotagging  P {p:.3f}   R {r:.3f}   [bold]F1 {f1:.3f}[/]")
    line("    resolution of matched", scores.end_to_end.summary())
    console.print("[dim]AUC: lower is better. Unresolved toponyms count as 20,039 km (Gritta et al. 2018).[/]")


@eval_app.command("event-location")
def event_location_command(
    path: Annotated[Path, typer.Argument(help="event_location_halterman2019.jsonl")],
    limit: Annotated[int | None, typer.Option(help="Only the first N records.")] = None,
) -> None:
    """Event geolocation: which mentioned place is the event's, overall and on the relabelled subset."""
    from ..evaluate.event_location import evaluate_event_location

    if not path.is_file():
        raise UserError(f"{path} is not a file")
    scores = evaluate_event_location(path, limit)
    for label, tally in (("all records", scores.overall), ("gold-relabelled", scores.relabelled)):
        accuracy, choice, abstention = tally.rates()
        console.print(f"{label:16} with a gold place {tally.with_gold:>5}: accuracy [bold]{accuracy:.3f}[/]   "
                      f"choice among places found {choice:.3f} (n {tally.choosable})   "
                      f"no gold place {tally.without_gold:>5}: abstained {abstention:.3f}")


@eval_app.command("plover")
def plover_command(ctx: typer.Context, path: Annotated[Path, typer.Argument(help="plover-gsr-dev.json (PLOVER gold-standard records).")]) -> None:
    """Event coding on the PLOVER gold standard: type, source, target and all three, per type (with --verbs: and your patterns)."""
    from ..evaluate.plover import evaluate_plover

    if not path.is_file():
        raise UserError(f"{path} is not a file")
    scores = evaluate_plover(path, state(ctx).verb_files)
    console.print(f"records {scores.records}   with an event coded {scores.coded}")
    console.print(f"{'type':12}{'n':>5}{'type':>8}{'source':>8}{'target':>8}{'all 3':>8}")
    for kind in sorted(scores.per_type):
        n = scores.per_type[kind][0]
        console.print(f"{kind:12}{n:>5}" + "".join(f"{scores.rate(c, kind):>8.3f}" for c in (1, 2, 3, 4)))
    console.print(f"{'overall':12}{scores.records:>5}" + "".join(f"{scores.rate(c):>8.3f}" for c in (1, 2, 3, 4)), style="bold")
    console.print("[dim]targets: event type 0.80, all three 0.60[/]")


@eval_app.command("petrarch")
def petrarch_command(
    records: Annotated[Path, typer.Argument(help="PETR.UnitTest.records.xml")],
    actors: Annotated[Path | None, typer.Option(help="The suite's validation actor dictionary (default: PETR.Validate.actors.txt beside the records).")] = None,
    verbs: Annotated[Path | None, typer.Option(help="The suite's verb dictionary (default: PETR.Validate.verbs.txt beside the records).")] = None,
    agents: Annotated[Path | None, typer.Option(help="The suite's agent dictionary (default: PETR.Validate.agents.txt beside the records).")] = None,
) -> None:
    """The PETRARCH unit-test suite, coded by our coder with the suite's actor, agent and verb dictionaries as user dictionaries."""
    from ..evaluate.petrarch import evaluate_petrarch

    actors = actors or records.parent / "PETR.Validate.actors.txt"
    verbs = verbs or records.parent / "PETR.Validate.verbs.txt"
    agents = agents or records.parent / "PETR.Validate.agents.txt"
    if not all(p.is_file() for p in (records, actors, verbs, agents)):
        raise UserError(f"need {records}, {actors}, {agents} and {verbs}")
    ours = evaluate_petrarch(records, actors, agents=agents)
    scores = evaluate_petrarch(records, actors, (str(verbs),), agents)
    console.print(f"coded with the suite's verb dictionary ({verbs.name}) read as user patterns:")
    console.print(f"{'category':12}{'n':>5}{'root':>8}{'full':>8}{'source':>8}{'target':>8}{'triple':>8}")
    for category in sorted(scores.per_category):
        n = scores.per_category[category][0]
        console.print(f"{category:12}{n:>5}" + "".join(f"{scores.rate(c, category):>8.3f}" for c in range(1, 6)))
    total = sum(r[0] for r in scores.per_category.values())
    console.print(f"{'overall':12}{total:>5}" + "".join(f"{scores.rate(c):>8.3f}" for c in range(1, 6)), style="bold")
    console.print(f"{'ours only':12}{total:>5}" + "".join(f"{ours.rate(c):>8.3f}" for c in range(1, 6)) + "   (our verbs.yaml: CAMEO codes, not the suite's WEIS-based test codes)")
    console.print("[dim]target: root-code accuracy 0.80[/]")


@eval_app.command("petrarch2")
def petrarch2_command(
    records: Annotated[Path, typer.Argument(help="PETR2_GSR_validation.xml")],
    show_missed: Annotated[int, typer.Option(help="List up to N sentences whose expected events we miss or that we code when none is expected.")] = 0,
) -> None:
    """The PETRARCH-2 gold-standard records (real states and groups), coded with our own actors and verb patterns."""
    from ..evaluate.petrarch_gsr import evaluate_gsr, read_gsr

    if not records.is_file():
        raise UserError(f"{records} is not a file")
    sentences = read_gsr(records)
    if not sentences:
        raise UserError(f"{records} holds no <Sentence> records with a text (PETRARCH validation format)")
    scores = evaluate_gsr(sentences)
    console.print(f"{'category':10}{'triples':>8}{'root':>8}{'full':>8}{'source':>8}{'target':>8}{'triple':>8}{'none':>8}{'events':>8}{'matched':>9}")

    def line(name: str, c, style: str | None = None) -> None:
        shares = (c.root, c.full, c.source, c.target, c.triple)
        rates = "".join(f"{n / c.triples:>8.3f}" if c.triples else f"{'-':>8}" for n in shares)
        none = f"{c.left_empty}/{c.no_event}" if c.no_event else "-"
        console.print(f"{name:10}{c.triples:>8}{rates}{none:>8}{c.events:>8}{c.matched:>9}", style=style)

    for category in sorted(scores.per_category):
        line(category, scores.per_category[category])
    line("overall", scores.overall, "bold")
    console.print(f"[dim]share of expected triples with an event of ours of that CAMEO root, full code, source, target, and "
                  f"root with both actors (triple); none: sentences rightly left without an event; matched: our events that are an expected triple. "
                  f"{scores.uncoded_roots} expected triples have root 01 or 02, which PLOVER does not code.[/]")
    for sentence, events in scores.misses[:show_missed]:
        expected = ", ".join(f"{t.cameo} {t.source}→{t.target}" for t in sentence.triples) or "no event"
        ours = ", ".join(f"{e.cameo} {e.source.code if e.source else '-'}→{e.target.code if e.target else '-'}" for e in events) or "none"
        console.print(f"[bold]{sentence.id}[/] expected {expected}; ours {ours}\n    {sentence.text[:160]}")


GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "gold"
# LGL local news, PolNeAR US politics, the extraction benchmark's mixed news of 2018-2019
DEFAULT_EVENT_GOLD = tuple(GOLD_DIR / name for name in ("event_judgements.jsonl", "event_judgements_polnear.jsonl", "event_judgements_news.jsonl"))


CONFIDENCE_BANDS = (0.5, 0.6, 0.7, 0.8)


@eval_app.command("events")
def events_command(
    gold: Annotated[list[Path] | None, typer.Argument(
        help="Hand judgements of coded events (JSONL; first line names the corpus and articles); "
             "default: the LGL, PolNeAR and news-benchmark judgements in tests/gold.")] = None,
    eval_root: Annotated[Path, typer.Option(help="Folder the gold files' source paths are relative to.")] = Path("../shared/eval"),
    show_wrong: Annotated[int, typer.Option(help="List up to N development events judged wrong (never held-out ones).")] = 10,
    fit_confidence: Annotated[Path | None, typer.Option(
        help="Fit the event confidence model on the development judgements of the gold files, write it to this file "
             "(the shipped one is src/newsdesk/events/data/confidence.json) and print its cross-validated precision.")] = None,
) -> None:
    """Precision of event coding on real news articles judged by hand: development and held-out sets of each gold file."""
    from ..evaluate.events import EventPrecision, evaluate_events

    golds = list(gold or DEFAULT_EVENT_GOLD)
    for path in golds:
        if not path.is_file():
            raise UserError(f"{path} is not a file")
    if fit_confidence is not None:
        from ..evaluate.calibration import fit_from_judgements

        model, validated = fit_from_judgements(golds, eval_root)
        fit_confidence.write_text(model.to_json(), encoding="utf-8")
        console.print(f"fitted on {model.fitted_on}; written to {fit_confidence}")
        _confidence_table(EventPrecision(by_confidence=validated), "cross-validated by article (10 folds)")
        return
    for path in golds:
        console.print(f"[bold]{path.name}[/]")
        for name, scores in evaluate_events(path, eval_root).items():
            console.print(f"{name:<12} articles {scores.articles}   judged right {scores.judged_right}   judged wrong {scores.judged_wrong}   "
                          f"[bold]precision {scores.precision:.3f}[/]")
            console.print(f"{'':<12} events not yet judged {scores.unjudged}   judged events no longer coded {scores.no_longer_coded}")
            _confidence_table(scores, "")
            if name == "held_out":
                continue  # its errors, once read, would be developed on: the set would stop being held out
            for line in scores.wrong_examples[:show_wrong]:
                console.print(f"  {line}", highlight=False)
    console.print("[dim]target: precision 0.80; `newsdesk events --min-confidence` lists only events at or above a confidence[/]")


def _confidence_table(scores, label: str) -> None:
    judged = len(scores.by_confidence)
    cells = []
    for threshold in CONFIDENCE_BANDS:
        precision, kept = scores.at_confidence(threshold)
        cells.append(f"≥{threshold:.1f}: {precision:.3f} ({kept}/{judged})")
    console.print(f"{'':<12} by confidence {label}  " + "   ".join(cells), highlight=False)
