"""Mechanism graphs as data, explained to patients and practitioners.

Layers, each importing only the ones before it:
`content` (schema, loading, checks, references, reading grade) -> `present` (what each audience
sees, fixed wording, the view and its link, the highlight) -> `diagram` (layout, style, figure) ->
`outputs` (images, PDF, offline page, dumps). The command line (`cli`, `bench`) sits on top; the
Streamlit page (`webapp/`, wired by `app.py` at the root) is the only code that imports Streamlit.
"""
