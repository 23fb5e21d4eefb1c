"""Alerts posted to webhooks: a chat channel, a ticket queue, another desk's intake.

A rule with ``notify: https://…`` has each of its alerts delivered there: one JSON POST per
webhook and check, carrying up to ``BATCH`` alerts, each with its evidence and the article's
address. The payload's ``text`` is a readable digest, the field Slack, Mattermost and Rocket.Chat
incoming webhooks show; ``alerts`` holds the records for a program. An alert stays due until a
post of it succeeds (any 2xx answer): a webhook that is down, slow or refusing is recorded with
its reason and tried again at the next check, and nothing is posted twice once delivered.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

import duckdb

from ..ingest.web import DEFAULT_TIMEOUT, USER_AGENT
from ..store.db import now, transaction
from .rules import Rule

BATCH = 100
KEY = ("rule", "article_id", "kind", "item")


@dataclass(frozen=True)
class Delivery:
    """One post to one webhook: how many alerts it carried, and why it failed if it did."""

    target: str
    alerts: int
    error: str | None = None


def deliver(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule], timeout: float = DEFAULT_TIMEOUT) -> list[Delivery]:
    """Post every alert still due to the webhooks the rules name now; a webhook taken out of the
    rules file is not posted to again."""
    targets = sorted({target for rule in rules for target in rule.notify})
    if not targets:
        return []
    cursor = con.execute(
        """SELECT d.target, l.rule, l.article_id, l.kind, l.item, l.start_char, l.end_char, l.summary, l.created_at,
                  a.title, a.url, a.site_name, substr(a.text, l.start_char + 1, l.end_char - l.start_char) AS evidence
           FROM deliveries d JOIN alerts l USING (rule, article_id, kind, item) JOIN articles a USING (article_id)
           WHERE d.delivered_at IS NULL AND d.target IN (SELECT unnest(?))
           ORDER BY d.target, l.created_at, l.rule, l.article_id, l.kind, l.item""",
        [targets],
    )
    columns = [c[0] for c in cursor.description]
    due = [dict(zip(columns, row)) for row in cursor.fetchall()]
    results = []
    for target, rows in groupby(due, key=lambda r: r["target"]):
        rows = list(rows)
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            error = post_json(target, payload(chunk), timeout)
            _record(con, target, chunk, error)
            results.append(Delivery(target, len(chunk), error))
    return results


def payload(alerts: list[dict]) -> dict:
    lines = [f"newsdesk: {len(alerts)} new alert{'s' if len(alerts) != 1 else ''}"]
    lines += [f"[{a['rule']}] {a['summary']} — {a['title'] or a['article_id']}" + (f" {a['url']}" if a["url"] else "") for a in alerts]
    records = [{
        "rule": a["rule"], "kind": a["kind"], "summary": a["summary"], "article_id": a["article_id"], "item": a["item"],
        "title": a["title"], "url": a["url"], "source": a["site_name"], "evidence": " ".join((a["evidence"] or "").split()),
        "start_char": a["start_char"], "end_char": a["end_char"], "created_at": a["created_at"].isoformat(timespec="seconds"),
    } for a in alerts]
    return {"text": "\n".join(lines), "alerts": records}


def post_json(url: str, body: dict, timeout: float = DEFAULT_TIMEOUT) -> str | None:
    """POST ``body`` as JSON; None when the server took it, else why not."""
    request = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode("utf-8"), method="POST",
                                     headers={"User-Agent": USER_AGENT, "Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read(65536)
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code} {exc.reason}"
    except TimeoutError:
        return f"no answer within {timeout:g} s"
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return f"no answer within {timeout:g} s"
        return f"cannot connect: {exc.reason}"
    except (OSError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _record(con: duckdb.DuckDBPyConnection, target: str, alerts: list[dict], error: str | None) -> None:
    keys = [[a[k] for a in alerts] for k in KEY]
    with transaction(con):
        con.execute(
            """UPDATE deliveries d SET attempts = d.attempts + 1, last_error = ?, delivered_at = ?
               FROM (SELECT unnest(?) AS rule, unnest(?) AS article_id, unnest(?) AS kind, unnest(?) AS item) k
               WHERE d.target = ? AND d.rule = k.rule AND d.article_id = k.article_id AND d.kind = k.kind AND d.item = k.item""",
            [error, None if error else now(), *keys, target],
        )
