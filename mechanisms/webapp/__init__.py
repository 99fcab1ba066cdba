"""The Streamlit page, split by job: cached resources, state and link sync, the explorer, the controls,
the page's sections, the panels. The only package that imports Streamlit; `app.py` at the root wires it."""
