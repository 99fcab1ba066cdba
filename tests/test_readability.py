from __future__ import annotations

import socket

import pytest

from mechanisms.content.readability import grade


def test_grade_is_offline(monkeypatch):
    import nltk

    monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("tried to download"))
    monkeypatch.setattr(socket.socket, "connect", lambda *a, **k: pytest.fail("tried the network"))
    assert grade("The needle goes in. The muscle jumps. Then it relaxes.") < 4


def test_jargon_scores_high():
    assert grade("Enkephalinergic interneurons modulate nociceptive transmission in the dorsal horn.") > 12
