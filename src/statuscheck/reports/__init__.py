"""Renderers: reports and matrices as text, JSON, markdown and HTML.

Pure functions from a report or a matrix to a string: one engine, many
views, so a new format is a new renderer here and nothing else. Imports the
matrix, the refresher's report and the findings; never judges anything.
"""
