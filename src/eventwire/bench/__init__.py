"""The bench stage: throughput, memory and stage split of the pipeline (`eventwire bench`).

Public surface only; the generated corpus, corpus loading, memory sampling and the timed run
live in the modules named below.
"""

from eventwire.bench.benchmark import BenchReport, add_bare_spacy, bare_spacy, run_bench
from eventwire.bench.corpora import GENERATED, Corpus, load_corpus
from eventwire.bench.corpus import generate_article, generate_corpus

__all__ = [
    "GENERATED",
    "BenchReport",
    "Corpus",
    "add_bare_spacy",
    "bare_spacy",
    "generate_article",
    "generate_corpus",
    "load_corpus",
    "run_bench",
]
