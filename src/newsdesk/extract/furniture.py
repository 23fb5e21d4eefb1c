"""Site furniture in pages saved as plain text: breadcrumbs, author boxes, teasers.

A scraped page keeps the navigation trail at the top ("Home / Latest Updates /
…"), and below the story an author box ("About admin") and teasers for other
stories ("Check Also …", "Related Posts"). The body is what lies between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREADCRUMB = re.compile(r"^(?:Home|Homepage|Start|Main)\s*(?:[/»>›|]\s*[^/»>›|]+?\s*){1,8}$", re.IGNORECASE)
_BREADCRUMB_SPLIT = re.compile(r"\s*[/»>›|]\s*")
# Lines that open the tail of a page: everything from them on is not the story.
_TAIL_MARKERS = re.compile(
    r"^(?:About(?: the)? (?:author|admin|editor|[A-Z]\w*(?: [A-Z]\w*)?)"
    r"|Check Also|Related(?: Posts| Articles| Stories| News| Content| Topics)?|Read (?:More|Also|Next)|See also"
    r"|You (?:may|might) (?:also )?(?:like|be interested in)|More (?:from|stories|news|on this)"
    r"|Recommended(?: for you)?|Most (?:Read|Popular|Viewed)|Trending(?: now)?|Latest (?:News|Posts)"
    r"|Leave a (?:Reply|Comment)|\d+ Comments?|Comments?|Previous (?:article|post|story)|Next (?:article|post|story)"
    r"|Share this(?: article| story)?|Tags?|Filed under|Subscribe(?: to our newsletter)?|Sign up for)\s*:?\s*$",
    re.IGNORECASE,
)
# Lines removed wherever they stand.
_NOISE_LINES = re.compile(
    r"^(?:Advertisement|Sponsored|Share|Tweet|Email|Print|WhatsApp|Share on (?:Facebook|Twitter|X|WhatsApp)"
    r"|Follow us on \w+|Click here to .{0,60}|Photo:.{0,120}|Image:.{0,120}|\(?Photo credit.{0,120})\s*$",
    re.IGNORECASE,
)
MAX_TITLE_WORDS = 30


@dataclass(frozen=True)
class Layout:
    title: str | None
    body: list[str]  # paragraphs
    removed: list[str]  # furniture taken out, in page order


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; lines inside one are joined (hard wraps)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
    paragraphs = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append(normalise_space(" ".join(lines)))
    return paragraphs


def normalise_space(text: str) -> str:
    return re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text).strip()


def strip_furniture(paragraphs: list[str]) -> Layout:
    removed: list[str] = []
    crumb_title = None
    body = list(paragraphs)

    if body and _BREADCRUMB.match(body[0]):
        crumb = body.pop(0)
        removed.append(crumb)
        crumb_title = _BREADCRUMB_SPLIT.split(crumb)[-1].strip()

    title = None
    if body and _looks_like_title(body[0], crumb_title, has_more=len(body) > 1):
        title = body.pop(0)
    elif crumb_title:
        title = crumb_title

    for index, paragraph in enumerate(body):
        if index > 0 and _TAIL_MARKERS.match(paragraph):
            removed.extend(body[index:])
            body = body[:index]
            break

    kept = []
    for paragraph in body:
        (removed if _NOISE_LINES.match(paragraph) else kept).append(paragraph)
    return Layout(title=title, body=kept, removed=removed)


def _looks_like_title(paragraph: str, crumb_title: str | None, *, has_more: bool) -> bool:
    if crumb_title and paragraph.strip() == crumb_title:
        return True
    words = paragraph.split()
    return has_more and 0 < len(words) <= MAX_TITLE_WORDS and not paragraph.rstrip().endswith((".", "?\"", ".\"", ".”"))
