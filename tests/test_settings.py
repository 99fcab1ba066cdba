"""mechanisms/settings.py: every environment variable the product reads, read in one place."""

from __future__ import annotations

import os
from pathlib import Path

from mechanisms.content.clinic import DEFAULT_FILE, clinic_file
from mechanisms.content.lastgood import author_mode
from mechanisms.content.load import data_folder
from mechanisms.settings import DEFAULT_DATA_DIR, VARIABLES, Settings, settings


def test_an_empty_environment_gives_the_defaults():
    assert settings({}) == Settings()
    assert settings({}).data_dir == DEFAULT_DATA_DIR == Path(__file__).resolve().parents[1] / "data"
    assert settings({}).base_url == "" and settings({}).clinic_file is None and settings({}).author_mode is False
    assert settings({}).patient_page == ""


def test_every_setting_is_read_from_the_given_environment(tmp_path):
    environ = {"MECHANISMS_DATA": str(tmp_path), "MECHANISMS_BASE_URL": "https://clinic.example/explainer",
               "MECHANISMS_CLINIC": f" {tmp_path / 'clinic.yaml'} ", "MECHANISMS_AUTHOR": "yes",
               "MECHANISMS_PATIENT_PAGE": " /patient/ ", "UNRELATED": "x"}
    got = settings(environ)
    assert got == Settings(data_dir=tmp_path, base_url="https://clinic.example/explainer",
                           clinic_file=tmp_path / "clinic.yaml", author_mode=True, patient_page="/patient/")
    assert set(VARIABLES) == set(environ) - {"UNRELATED"}


def test_empty_values_mean_unset():
    assert settings(dict.fromkeys(VARIABLES, "")) == Settings()
    assert settings({"MECHANISMS_CLINIC": "   "}).clinic_file is None


def test_settings_are_frozen_and_the_same_environment_gives_the_same_object():
    import dataclasses

    import pytest

    first = settings({"MECHANISMS_AUTHOR": "1"})
    assert first is settings({"MECHANISMS_AUTHOR": "1"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.author_mode = False  # type: ignore[misc]


def test_the_process_settings_follow_its_environment(monkeypatch, tmp_path):
    """The app is started (and tested) with these variables set; every reader asks settings() when it needs them."""
    monkeypatch.setenv("MECHANISMS_DATA", str(tmp_path))
    monkeypatch.setenv("MECHANISMS_AUTHOR", "1")
    monkeypatch.setenv("MECHANISMS_CLINIC", str(tmp_path / "clinic.yaml"))
    assert settings() == settings(os.environ)
    assert data_folder() == tmp_path
    assert author_mode() is True
    assert clinic_file() == (tmp_path / "clinic.yaml", True)
    monkeypatch.delenv("MECHANISMS_DATA")
    monkeypatch.delenv("MECHANISMS_CLINIC")
    assert data_folder() == DEFAULT_DATA_DIR
    assert clinic_file() == (DEFAULT_FILE, False)
    assert clinic_file({"MECHANISMS_CLINIC": "x.yaml"}) == (Path("x.yaml"), True)
