import pytest

from newsdesk.evaluate.extraction import page_counts, score

from .conftest import EVAL


def test_shingle_scoring_matches_the_benchmark_definition():
    gold = "one two three four five six"
    assert page_counts(gold, gold) == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts(gold, "one two three four five six seven")
    assert (tp, fp, fn) == pytest.approx((3 / 4, 1 / 4, 0.0))  # 3 shared 4-grams, 1 extra
    assert page_counts(gold, "") == (0.0, 0.0, 1.0)
    precision, recall, f1 = score([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert (precision, recall) == (0.75, 1.0) and f1 == pytest.approx(6 / 7)


@pytest.mark.slow
@pytest.mark.eval
def test_extraction_f1_on_the_benchmark():
    from newsdesk.evaluate.extraction import evaluate_extraction

    folder = EVAL / "extraction"
    if not (folder / "ground-truth.json").exists():
        pytest.skip("../shared/eval/extraction is not beside this checkout")
    result = evaluate_extraction(folder)
    assert result.pages == 181
    assert result.f1 >= 0.96
