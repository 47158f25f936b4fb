"""Okapi BM25 over pre-tokenised documents: the keyword half of hybrid search."""

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray


class Bm25:
    """BM25 (k1, b) over a fixed list of term lists; `scores` rates every document for a query at once."""

    def __init__(self, documents: Iterable[Sequence[str]], *, k1: float = 1.5, b: float = 0.75) -> None:
        self._docs = tuple(Counter(doc) for doc in documents)
        lengths = np.array([sum(doc.values()) for doc in self._docs], dtype=np.float64)
        average = float(lengths.mean()) if len(lengths) else 0.0
        self._norm = k1 * (1 - b + b * lengths / average) if average else np.zeros_like(lengths)
        self._k1 = k1
        frequency: Counter[str] = Counter()
        for doc in self._docs:
            frequency.update(doc.keys())
        count = len(self._docs)
        self._idf = {term: math.log(1 + (count - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}
        self._postings: dict[str, list[int]] = {}
        for position, doc in enumerate(self._docs):
            for term in doc:
                self._postings.setdefault(term, []).append(position)

    def __len__(self) -> int:
        return len(self._docs)

    def scores(self, query_terms: Sequence[str]) -> NDArray[np.float64]:
        """The BM25 score of every document for the (deduplicated) query terms; 0 where none occurs."""
        out = np.zeros(len(self._docs), dtype=np.float64)
        for term in dict.fromkeys(query_terms):
            for position in self._postings.get(term, ()):
                tf = self._docs[position][term]
                out[position] += self._idf[term] * tf * (self._k1 + 1) / (tf + self._norm[position])
        return out
