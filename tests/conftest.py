from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from newsdesk.cli import main
from newsdesk.store import connect

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "afghanistan-times-daesh.txt"
EXPECTED = SHARED / "seed" / "expected.yaml"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def expected() -> dict:
    if not EXPECTED.exists():
        pytest.skip("../shared/seed/expected.yaml is not beside this checkout")
    return yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def con(db: Path):
    connection = connect(db)
    yield connection
    connection.close()


@pytest.fixture
def examples_copy(tmp_path: Path) -> Path:
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(db: Path, capsys, monkeypatch):
    """Run ``newsdesk --db <tmp> ARGS`` in-process; returns exit code and output."""
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            main(["--db", str(db), *args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
