"""Code shared by the sample generators (scripts/make_samples*.py, scripts/variants*/).

    paths      where samples, golden files and fonts live
    golden     the date type, the contract's date fallback and the golden JSON writer
    markup     spec-string tokens: golden text, footnote markers and their anchors
    checks     pdfplumber self-checks of a generated PDF (and where a text landed)
    fonts      the symbol fonts built from DejaVu Sans glyphs
    producers  running Chromium and LibreOffice; LibreOffice's metadata made stable

The scripts are not a package: each one runs with scripts/ first on sys.path, so
`import samplekit` works from any of them.
"""
