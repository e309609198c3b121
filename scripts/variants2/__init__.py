"""Content specs and producers of the second group of variant samples
(scripts/make_samples_variants2.py)."""
