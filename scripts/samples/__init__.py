"""One module per sample PDF (samples/<name>.pdf is made by samples/<name with _>.py).

A module holds the sample's content spec and its layout:

    SAMPLE                      the content spec (samplekit.spec.Sample); the golden JSON
                                is written from it alone (samplekit.golden)
    render(s, pdf, work)        makes the PDF of s at pdf; work is a scratch folder. The
                                producer is imported inside render, so that the spec and the
                                golden import with the project's own dependencies only
    CHECK (optional)            a samplekit.checks.PdfCheck when the PDF check needs to know
                                how the sheet prints markers, or has checks of its own

A Chromium sample builds its page in page_html(s), a Writer sample its flat OpenDocument in
fodt(s): text only, so that what a producer is given can be read or compared without it.

scripts/make_samples.py finds the modules here; tests/test_sample_generators.py rebuilds
every golden from SAMPLE.
"""
