"""Layouts of committed samples still drawn by hand-written code, one module a sample.

A sample's content is its spec file (samplekit/samples/<name>.yaml, layout `sheet:
handmade`); the module of the same name (with "_" for "-") only draws it:

    render(s, pdf, work)        makes the PDF of the Sample s at pdf; work is a scratch folder
    CHECK (optional)            a samplekit.checks.PdfCheck when the check must know how the
                                sheet prints markers, or has checks of its own

These layouts have features the generator's traits do not draw yet (a table with a partners
column, a header band at the page's foot, a drawn timeline line with dots, text justified
without space glyphs…). Each one goes when its features are traits of samplekit/random_sheet.py
and its spec names them instead.
"""
