"""The stages of the pipeline, one module each, listed here in the order they run.

Each stage is a plain function of its input; none imports another. ``pipeline.py`` is the
only place that composes them. What stages share lives below them: the document model
(``model``), text helpers (``text/``), the vocabularies (``vocab/``) and the date grammar
(``dates``).
"""

ORDER: tuple[str, ...] = (
    "pages",          # PDF file -> pages of glyphs, boxes and rules
    "lines",          # page -> lines (font runs, superscripts, drawn bullets)
    "furniture",      # lines of every page -> the same without running heads, footers, page numbers
    "order",          # a page's lines -> the same in reading order (XY-cut, boxes whole)
    "blocks",         # lines -> blocks: paragraphs, bullets, headings, labels
    "language",       # text -> fr | en
    "regroup",        # blocks -> blocks re-cut at headings and field lines the vocabulary knows
    "footnotes",      # blocks -> footnote blocks set apart; footnotes sections -> footnotes
    "sections",       # blocks -> sections with a kind, heading and heading date
    "document_info",  # sections -> title, country, domain, action
    "timeline",       # sections -> which label dates which block
    "items",          # sections + timeline -> items (nesting, clean text, dates)
    "entities",       # items + footnotes -> entities
)
# Another reading of a stage, to the same model: the pages stage read with PDFium instead of
# pdfplumber. It hands its pages to that stage's reader-independent half (``pages.page_of``,
# ``pages.assemble``): the one import between stages allowed.
ALTERNATIVES: dict[str, str] = {"pdfium_pages": "pages"}
