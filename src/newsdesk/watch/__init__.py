"""Watch rules: standing questions asked of every article that comes in, answered with alerts.

A rules file (YAML) lists what an analyst wants to hear about; each rule asks one kind of fact
with the same filters the CLI and the API offer:

```yaml
- name: Islamic State attacks in Afghanistan
  events: {actor: Islamic State, type: ASSAULT, place: AF}
- name: Kabulov speaks
  quotes: {speaker: Zamir Kabulov}
- name: ten or more killed
  claims: {event: killed, at_least: 10}
- name: chemical weapons
  text: chemical weapons
```

An alert is one matching fact (or, for ``text``, one article) with its evidence span. Alerts are
stored once: checking the same rules again reports only what is new. A rule (or the whole file,
as ``{notify: URL, rules: [...]}``) may name webhooks: ``notify: https://hooks.example.org/desk``;
its alerts are posted there until delivered (``notify.py``). ``newsdesk watch --jsonl FILE``
appends new alerts to a file for another tool to pick up.
"""

from .rules import Rule, WatchError, load_rules
from .check import Alert, check_rules
from .notify import Delivery, deliver

__all__ = ["Alert", "Delivery", "Rule", "WatchError", "check_rules", "deliver", "load_rules"]
