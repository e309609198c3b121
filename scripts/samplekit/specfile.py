"""A sample's spec as data: one YAML file per committed sample (samplekit/samples/<name>.yaml).

The file holds the sample's content (samplekit.spec.Sample, written field by field, a field
left out when it has its default) and its layout (samplekit/committed.py says what each
renderer reads there). The section hints of the spec types are layout, so they are written
under `layout`, keyed by section kind: `frames` (Sec.frame), `forms` (Sec.form), `breaks`
(Sec.break_before); the item hints (bullet, bold, region) stay on their items.

    load(path)      -> SampleSpec
    dump(spec)      -> the YAML text (used once, to write the files; kept so that a spec
                       edited in Python can be written back the same way)

Blocks of a section are told apart by their keys: a timeline group has `label`, an item
`text`. Lists of pairs (dates, refs) are written as two-element lists.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from samplekit.spec import D, Footnote, Frame, It, Region, Sample, Sec, TL

SPEC_DIR = Path(__file__).resolve().parent / "samples"
# Fields whose values are lists of pairs, written as YAML sequences and read back as tuples.
PAIR_FIELDS = {"dates", "refs"}


@dataclass(frozen=True)
class SampleSpec:
    """One committed sample: its content and the layout that draws it."""

    sample: Sample
    layout: dict = field(default_factory=dict)   # renderer, traits and given placement

    @property
    def renderer(self) -> str:
        return self.layout["renderer"]


def spec_files(folder: Path = SPEC_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def load(path: Path) -> SampleSpec:
    return load_text(path.read_text(encoding="utf-8"), path)


def load_text(text: str, path: Path) -> SampleSpec:
    """The spec a file's text says (path: the file it is, named in errors and checked
    against the sample's name)."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a sample spec (a mapping with layout and content); see samplekit/specfile.py")
    try:
        sample = _sample(data["content"])
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a sample spec ({exc!r}); see samplekit/specfile.py") from exc
    if sample.name != path.stem:
        raise ValueError(f"{path}: the spec is named {sample.name!r}; the file must be {sample.name}.yaml")
    layout = data.get("layout") or {}
    if "renderer" not in layout:
        raise ValueError(f"{path}: its layout names no renderer; see samplekit/committed.py")
    return SampleSpec(_with_section_hints(sample, layout), layout)


def load_all(folder: Path = SPEC_DIR) -> list[SampleSpec]:
    return [load(p) for p in spec_files(folder)]


# -- reading ---------------------------------------------------------------------------------

def _pairs(values) -> list[tuple[str, str]]:
    return [tuple(v) for v in values or ()]


def _date(d: dict | None) -> D | None:
    return None if d is None else D(**d)


def _item(d: dict) -> It:
    d = dict(d)
    d["date"] = _date(d.get("date"))
    for name in PAIR_FIELDS:
        d[name] = _pairs(d.get(name))
    d["children"] = [_item(c) for c in d.get("children", ())]
    return It(**d)


def _block(d: dict) -> It | TL:
    if "label" in d:
        return TL(d["label"], D(**d["date"]), [_item(e) for e in d["entries"]])
    return _item(d)


def _frame(d: dict | None) -> Frame | None:
    if d is None:
        return None
    return Frame(**{**d, "regions": [Region(**r) for r in d["regions"]]})


def _section(d: dict) -> Sec:
    d = dict(d)
    d["blocks"] = [_block(b) for b in d["blocks"]]
    d["heading_date"] = _date(d.get("heading_date"))
    d["numbering"] = tuple(d.get("numbering", ()))
    d["frame"] = _frame(d.get("frame"))
    return Sec(**d)


def _sample(d: dict) -> Sample:
    return Sample(**{**d, "sections": [_section(s) for s in d["sections"]],
                     "footnotes": [Footnote(**f) for f in d.get("footnotes", ())]})


# Section hints: the Sec field each layout key fills, and how its value is read.
SECTION_HINTS = {"frames": ("frame", _frame), "forms": ("form", str), "breaks": ("break_before", str)}


def _with_section_hints(sample: Sample, layout: dict) -> Sample:
    kinds = [sec.kind for sec in sample.sections]
    for key in SECTION_HINTS:
        unknown = set(layout.get(key, {})) - set(kinds)
        if unknown:
            raise ValueError(f"{sample.name}: layout.{key} names sections the content does not have: {sorted(unknown)}")
    sections = []
    for sec in sample.sections:
        hints = {name: read(layout[key][sec.kind]) for key, (name, read) in SECTION_HINTS.items()
                 if sec.kind in layout.get(key, {})}
        sections.append(dataclasses.replace(sec, **hints))
    return dataclasses.replace(sample, sections=sections)


def _without_section_hints(sample: Sample, layout: dict) -> tuple[Sample, dict]:
    layout = dict(layout)
    sections = []
    for sec in sample.sections:
        for key, (name, _) in SECTION_HINTS.items():
            value = getattr(sec, name)
            if value is not None:
                layout.setdefault(key, {})[sec.kind] = _plain(value)
        sections.append(dataclasses.replace(sec, frame=None, form=None, break_before=None))
    return dataclasses.replace(sample, sections=sections), layout


# -- writing ---------------------------------------------------------------------------------

def _plain(obj: Any) -> Any:
    """A spec object as YAML-ready values, fields at their default left out; a date, a pair
    and a list of pairs written on one line."""
    if isinstance(obj, D):
        return _FlowMap((f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj))
    if dataclasses.is_dataclass(obj):
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            default = f.default if f.default is not dataclasses.MISSING else (
                f.default_factory() if f.default_factory is not dataclasses.MISSING else dataclasses.MISSING)
            if value == default:
                continue
            out[f.name] = _FlowList(_plain(v) for v in value) if f.name in PAIR_FIELDS else _plain(value)
        return out
    if isinstance(obj, tuple):
        return _FlowList(_plain(v) for v in obj)
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


class _FlowList(list):
    """A sequence written on one line."""


class _FlowMap(dict):
    """A mapping written on one line."""


class _Dumper(yaml.SafeDumper):
    """Long strings folded at spaces the way YAML reads them back unchanged."""


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value and value == value.strip() and "\n\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(),
                                                                   flow_style=True))


def dump(spec: SampleSpec) -> str:
    kinds = [sec.kind for sec in spec.sample.sections]
    if len(set(kinds)) != len(kinds):
        raise ValueError(f"{spec.sample.name}: two sections of one kind cannot be told apart in a spec file")
    sample, layout = _without_section_hints(spec.sample, spec.layout)
    data = {"layout": layout, "content": _plain(sample)}
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
