"""What each audience sees: labels and texts, fixed wording, the view and its link, the highlight.

Imports only `content`; the diagram, the app, the PDF and the offline page all decide these
things by calling here, so they cannot drift apart.
"""
