"""Stories: the same report across outlets and re-runs, found by near-duplicate text.

An article's text becomes a MinHash signature (datasketch) of its word 5-grams, read from the
tokens of the shared parse. An article joins the story of the most similar article already
stored when their estimated Jaccard similarity reaches ``STORY_THRESHOLD``; otherwise it starts
a story of its own, named by its own id. Locality-sensitive hashing (``MinHashLSH``) finds the
candidates, so assigning an article costs about the same whatever the size of the store.

Same input, same output: the permutations come from a fixed seed, and candidates are compared
in a fixed order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash, MinHashLSH
from spacy.tokens import Doc

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme, pinned so stored signatures stay comparable
SHINGLE_WORDS = 5
STORY_THRESHOLD = 0.5
# A wire story can run in hundreds of papers; a story keeps this many of its articles in the
# index, enough to catch every version of it, so placing an article costs the same however
# often its story was re-run.
REPRESENTATIVES = 16
EXTRACTOR = f"newsdesk.stories/1 (MinHash {NUM_PERM} permutations, word {SHINGLE_WORDS}-grams, Jaccard >= {STORY_THRESHOLD})"


def signature(doc: Doc) -> tuple[int, ...]:
    """The MinHash of an article's word 5-grams; empty when the text is shorter than one."""
    words = [t.lower_ for t in doc if not (t.is_punct or t.is_space)]
    if len(words) < SHINGLE_WORDS:
        return ()
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1))
    return tuple(int(v) for v in minhash.hashvalues)


@dataclass(frozen=True)
class StoryLink:
    """Which story an article belongs to, and the evidence: the article it is most like."""

    article_id: str
    story_id: str
    similar_to: str | None  # None: the article starts the story
    similarity: float
    signature: tuple[int, ...]


class StoryIndex:
    """The signatures of stored articles, to place new ones in their stories."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=STORY_THRESHOLD, num_perm=NUM_PERM)
        self._minhashes: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}
        self._story: dict[str, str] = {}
        self._indexed: dict[str, int] = {}  # story id → how many of its articles are in the index

    @classmethod
    def from_links(cls, links: Iterable[StoryLink]) -> StoryIndex:
        index = cls()
        for link in links:
            index._add(link)
        return index

    def assign(self, article_id: str, signature: tuple[int, ...]) -> StoryLink:
        if article_id in self._story:
            return StoryLink(article_id, self._story[article_id], None, 1.0, signature)
        if not signature:
            link = StoryLink(article_id, article_id, None, 1.0, signature)
            self._story[article_id] = article_id
            return link
        minhash = LeanMinHash(seed=SEED, hashvalues=list(signature), scheme=SCHEME)
        best: tuple[float, str] | None = None
        for candidate in sorted(self._lsh.query(minhash), key=self._order.__getitem__):  # earliest first wins ties
            similarity = self._minhashes[candidate].jaccard(minhash)
            if similarity >= STORY_THRESHOLD and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        if best is None:
            link = StoryLink(article_id, article_id, None, 1.0, signature)
        else:
            link = StoryLink(article_id, self._story[best[1]], best[1], round(best[0], 3), signature)
        self._add(link)
        return link

    def _add(self, link: StoryLink) -> None:
        self._story[link.article_id] = link.story_id
        if link.signature and self._indexed.get(link.story_id, 0) < REPRESENTATIVES:
            self._indexed[link.story_id] = self._indexed.get(link.story_id, 0) + 1
            minhash = LeanMinHash(seed=SEED, hashvalues=list(link.signature), scheme=SCHEME)
            self._minhashes[link.article_id] = minhash
            self._order[link.article_id] = len(self._order)
            self._lsh.insert(link.article_id, minhash)
