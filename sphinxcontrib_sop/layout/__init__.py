"""The geometry of the official flowchart: rows, symbols, arrow routes and pages.

Nothing here imports Sphinx or docutils, or knows SVG or TikZ.
"""
