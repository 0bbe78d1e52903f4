"""Hostile and broken input files, generated on the fly (see make_hostile.py)."""
