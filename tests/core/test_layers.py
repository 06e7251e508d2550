"""The layering contract's own checks, and the mechanisms that let lower layers stay ignorant of
higher ones (sections placed by the page type that lists them, the startup check of the
wagtail-modeltranslation overrides)."""

import ast
import importlib.util
from pathlib import Path

import pytest
from wagtail.models import Page
from wagtail_modeltranslation import patch_wagtailadmin

from core import modeltranslation_overrides
from home.models import HomePage
from programmes.models import ProgrammeIndexPage, ProgrammePage
from publications.models import PublicationIndexPage
from standard_pages.models import StandardPage

ROOT = Path(__file__).resolve().parents[2]


def _check_layers():
    spec = importlib.util.spec_from_file_location("check_layers", ROOT / "scripts" / "check_layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_layer_of_the_contract_is_a_site_package():
    packages, layer_of = _check_layers().read_layers()
    assert set(layer_of) == set(packages)
    assert layer_of["languages"] < layer_of["core"] < layer_of["places"] < layer_of["programmes"]
    assert layer_of["programmes"] < layer_of["publications"] < layer_of["home"] < layer_of["translations"]
    assert layer_of["translations"] < layer_of["wiegosite"]


def test_model_labels_in_strings_are_found():
    source = (
        'class A:\n    parent_page_types = ["home.HomePage"]\n'
        'x = apps.get_model("home", "HomePage")\ny = "a sentence."\n'
    )
    labels = [label for _line, label in _check_layers().model_labels_in(ast.parse(source))]
    assert labels == ["home.HomePage", "home.HomePage"]


def test_a_string_naming_a_model_of_a_higher_layer_is_reported(tmp_path):
    check = _check_layers()
    (tmp_path / "low").mkdir()
    (tmp_path / "high").mkdir()
    (tmp_path / "low" / "models.py").write_text('parent_page_types = ["high.Page"]\nown = "low.Thing"\n')
    (tmp_path / "high" / "models.py").write_text('parent_page_types = ["low.Thing"]\n')
    owners = {"high.Page": "high", "low.Thing": "low"}
    problems = check.upward_string_references({"low": 0, "high": 1}, owners.get, root=tmp_path)
    assert problems == ["low/models.py:1: names the model 'high.Page' of 'high', a higher layer"]


def test_the_site_names_no_model_of_a_higher_layer():
    from django.apps import apps

    check = _check_layers()
    _packages, layer_of = check.read_layers()

    def owner(label):
        try:
            return apps.get_model(label)._meta.app_config.name
        except (LookupError, ValueError):
            return None

    assert check.upward_string_references(layer_of, owner) == []


def test_import_cycles_are_found():
    class FakeGraph:
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

        def find_modules_directly_imported_by(self, module):
            return self.edges.get(module, set())

    assert _check_layers().import_cycles(FakeGraph(), {"a", "b", "c", "d"}) == [["a", "b", "c"]]


def test_sections_are_placed_under_the_page_type_that_lists_them(home):
    assert ProgrammeIndexPage.allowed_parent_page_models() == [HomePage]
    assert PublicationIndexPage.allowed_parent_page_models() == [HomePage]
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    root = Page.objects.get(depth=1)
    assert not ProgrammeIndexPage.can_create_at(root)  # not beside the home page
    assert ProgrammePage.allowed_parent_page_models() == [ProgrammeIndexPage]


def test_the_overrides_pass_their_startup_check():
    assert modeltranslation_overrides.check_patched_targets() == []


def test_the_startup_check_fails_when_wagtail_modeltranslation_loses_a_patched_target(monkeypatch):
    monkeypatch.delattr(patch_wagtailadmin, "_validate_slugs")
    [error] = modeltranslation_overrides.check_patched_targets()
    assert error.id == "core.E001" and "_validate_slugs" in error.msg


def test_the_startup_check_fails_when_a_page_class_escapes_the_overrides(monkeypatch):
    # As if an upgrade of wagtail-modeltranslation had put its own methods back after ours.
    monkeypatch.setattr(StandardPage, "save", lambda self, *args, **kwargs: None)
    monkeypatch.setattr(StandardPage, "route", lambda self, request, path_components: None)
    errors = {error.id for error in modeltranslation_overrides.check_patched_targets() if error.obj is StandardPage}
    assert errors == {"core.E002", "core.E003"}


@pytest.mark.parametrize("module", ["core", "languages"])
def test_lower_layers_name_no_app_above_them_in_their_source(module):
    """A plain reading of the source, beside import-linter: no import statement in core or the
    registry names a content area, a site-wide app or the tools."""
    _packages, layer_of = _check_layers().read_layers()
    higher = {package for package, layer in layer_of.items() if layer > layer_of[module]}
    assert {"places", "home", "translations", "wiegosite"} <= higher
    for path in (ROOT / module).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in higher, f"{path}: from {node.module} import ..."
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] not in higher, f"{path}: import {alias.name}"
