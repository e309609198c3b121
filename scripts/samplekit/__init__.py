"""The sample generator: the committed samples (scripts/make_samples.py) and random
factsheets (scripts/generate.py).

    samples/     one spec file per committed sample: content and layout, as data
    specfile     reading and writing those files
    committed    drawing a committed sample's spec with the renderer its layout names
    spec         the content spec types every sample is written in (It, TL, Sec, Sample…)
    markup       the markup of spec strings: golden text, markers, anchors, printed text
    golden       the spec cross-checks and the golden JSON, from the spec alone
    checks       check_pdf: what the golden says must be true of the PDF's text layer
    paths        where samples, golden files and fonts live
    fonts        the symbol fonts built from DejaVu Sans glyphs (fontTools)
    reportlab    drawing with reportlab: Doc, and the BoxedSheet layout
    typst        drawing a spec with Typst (the compiler from the registry): TypstSheet
    chromium_sheet  drawing a random spec with Chromium (HTML and CSS): ChromiumSheet
    random_sheet random factsheets: traits, content from the phrase banks, four renderers
    chromium     printing HTML with Chromium, and the HTML pieces sheets share
    libreoffice  exporting flat OpenDocument with LibreOffice, and the Writer sheet

spec, markup, golden and checks need only the project's own dependencies; fonts,
reportlab and typst need the `samples` extra; chromium and libreoffice run Debian's binaries.

The scripts are not a package: each one runs with scripts/ first on sys.path, so
`import samplekit` works from any of them (and from tests that put scripts/ there).
"""
