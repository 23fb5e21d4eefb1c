from newsdesk.store import connect, migrate, schema_version, transaction
from newsdesk.store.schema import LATEST_VERSION


def test_migrations_apply_once(db):
    con = connect(db)
    assert schema_version(con) == LATEST_VERSION
    assert migrate(con) == []  # nothing pending the second time
    con.close()
    con = connect(db, read_only=True)
    assert schema_version(con) == LATEST_VERSION


def test_failed_transaction_leaves_nothing(con):
    try:
        with transaction(con):
            con.execute("INSERT INTO sentences VALUES ('a', 0, 0, 0, 5)")
            raise RuntimeError("crash mid-batch")
    except RuntimeError:
        pass
    assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0
