"""Content specs and layouts of the variant samples (see scripts/make_samples_variants.py)."""
