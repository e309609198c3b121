"""The code's layout keeps its promises: one module per stage, listed in order; no import
cycle; no stage importing another; nothing importing the package face; every layer importing
only from the layers below it; tolerances named, not written as bare numbers in stage code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from factextract.stages import ALTERNATIVES, ORDER

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factextract"

# Bottom to top. A module imports only from lower layers, or from its own subpackage
# (vocab from vocab, text from text).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("factextract._version", "factextract.errors", "factextract.model", "factextract.identity"),
    ("factextract.serialize",),
    ("factextract.store", "factextract.database", "factextract.plot"),
    ("factextract.vocab",),
    ("factextract.text", "factextract.dates"),
    ("factextract.stages",),
    ("factextract.readers",),
    ("factextract.pipeline", "factextract.tables"),
    ("factextract.evaluate", "factextract.spool", "factextract.warm"),
    ("factextract.worker",),
    ("factextract.dask_executor",),
    ("factextract.batch",),
    ("factextract.qa",),
    ("factextract.cli",),
)
# Numbers a function body may write as they are: counting and indexing, not tolerances.
PLAIN_NUMBERS = {0, 1, 2}


def _module_name(path: Path) -> str:
    parts = ["factextract", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """The factextract modules ``name`` imports, anywhere in it (inside functions too); an
    import of a name the package's ``__init__`` defines counts as importing the package."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("factextract"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            if not source.startswith("factextract"):
                continue
            for alias in node.names:
                target = f"{source}.{alias.name}"
                found.add(target if target in MODULES else source)
    found.discard(name)
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def _layer(name: str) -> int:
    for i, layer in enumerate(LAYERS):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in layer):
            return i
    raise AssertionError(f"{name} is in no layer of tests/test_structure.py: add it to LAYERS")


def _subpackage(name: str) -> str:
    return ".".join(name.split(".")[:2])


def _alternative_of(name: str, target: str) -> bool:
    """``name`` is another reading of the stage ``target`` (``stages.ALTERNATIVES``)."""
    return ALTERNATIVES.get(name.rsplit(".", 1)[-1]) == target.rsplit(".", 1)[-1]


def test_the_stages_folder_lists_exactly_the_stages_in_order():
    on_disk = {p.stem for p in (PACKAGE / "stages").glob("*.py") if p.stem != "__init__"}
    assert on_disk == set(ORDER) | set(ALTERNATIVES) and len(ORDER) == len(set(ORDER))
    assert set(ALTERNATIVES.values()) <= set(ORDER) and not set(ALTERNATIVES) & set(ORDER)


def test_no_import_cycle():
    seen: dict[str, str] = {}  # module -> "active" while on the path, "done" after

    def visit(name: str, path: list[str]) -> None:
        seen[name] = "active"
        for target in sorted(GRAPH.get(name, ())):
            if seen.get(target) == "active":
                cycle = path[path.index(target):] + [target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in seen:
                visit(target, path + [target])
        seen[name] = "done"

    for name in sorted(GRAPH):
        if name not in seen:
            visit(name, [name])


def test_no_stage_imports_another_stage():
    offences = [f"{name} -> {target}" for name, targets in GRAPH.items() if name.startswith("factextract.stages.")
                for target in targets if target.startswith("factextract.stages") and not _alternative_of(name, target)]
    assert not offences, "stages must not import each other; hand results over in pipeline.py:\n" + "\n".join(offences)


def test_nothing_imports_the_package_face():
    offences = [name for name, targets in GRAPH.items() if "factextract" in targets and name != "factextract"]
    assert not offences, f"{offences} import factextract/__init__.py; import from the module that defines the name"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n != "factextract"))
def test_imports_go_down_the_layers(name):
    upward = [t for t in GRAPH[name] if t != "factextract" and _layer(t) >= _layer(name)
              and not (_layer(t) == _layer(name) and _subpackage(t) == _subpackage(name)
                       and _subpackage(name) in ("factextract.vocab", "factextract.text"))
              and not _alternative_of(name, t)]
    assert not upward, f"{name} (layer {_layer(name)}) imports {upward} from its own layer or above"


def _bare_numbers(path: Path) -> list[str]:
    out = []
    for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(fn):
                if (isinstance(node, ast.Constant) and type(node.value) in (int, float)
                        and not (type(node.value) is int and node.value in PLAIN_NUMBERS)
                        and node.value != 0.0):
                    out.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r} in {fn.name}")
    return sorted(set(out))


@pytest.mark.parametrize("folder", ["stages", "text", "vocab"])
def test_tolerances_are_named_constants(folder):
    found = [line for p in sorted((PACKAGE / folder).glob("*.py")) for line in _bare_numbers(p)]
    assert not found, ("name these numbers as module constants, with a comment saying what they "
                       "measure:\n" + "\n".join(found))
