"""The export_translations and import_translations commands."""

import io

import polib
import pytest
from django.core.management import CommandError, call_command
from lxml import etree
from wagtail.models import WorkflowState

from standard_pages.models import StandardPage
from tests.factories import RegionFactory
from tests.helpers import NS, fill_po, latest
from translations.exchange import export

pytestmark = pytest.mark.django_db


def test_export_command_writes_a_file_and_reports_progress(home, tmp_path):
    for number in range(205):
        RegionFactory(key=f"r{number}", name_pt="")
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "pt.po"
    call_command("export_translations", "--language", "pt", "--out-of-date", "-o", str(target), stdout=out, stderr=err)
    po = polib.pofile(str(target))
    assert len(po) == 205 and po.metadata["Language"] == "pt"
    assert "100 objects" in err.getvalue() and "200 objects" in err.getvalue()
    assert "205 entries" in out.getvalue()


def test_export_command_prints_xliff_to_stdout(vendors):
    out = io.StringIO()
    call_command("export_translations", "--language", "fr", "--page", str(vendors.pk), "--format", "xliff", stdout=out)
    root = etree.fromstring(out.getvalue().encode())
    assert root.get("trgLang") == "fr"
    assert len(root.findall(".//x:unit", NS)) == 15


def test_export_command_refuses_bad_arguments(vendors):
    with pytest.raises(CommandError):
        call_command("export_translations", "--language", "de", "--out-of-date")
    with pytest.raises(CommandError, match="No page"):
        call_command("export_translations", "--language", "es", "--section", "999999")


def test_import_command_dry_run_then_import(vendors, superuser, tmp_path):
    source = tmp_path / "es.po"
    source.write_bytes(fill_po(export.export_file(export.PAGE, "es", page=vendors), "es", only=":teaser"))
    revisions = vendors.revisions.count()
    out = io.StringIO()
    call_command("import_translations", str(source), "--language", "es", "--user", "lead", "--dry-run", stdout=out)
    assert "Teaser: '' → 'es: Teaser of Vendors in English'" in out.getvalue()
    assert "dry run" in out.getvalue().lower()
    assert vendors.revisions.count() == revisions

    out = io.StringIO()
    call_command("import_translations", str(source), "--language", "es", "--user", "lead", stdout=out)
    assert "1 change" in out.getvalue() and "new draft revision" in out.getvalue()
    assert vendors.revisions.count() == revisions + 1
    assert latest(vendors).teaser_es == "es: Teaser of Vendors in English"


def test_import_command_reports_errors(vendors, superuser, tmp_path):
    source = tmp_path / "es.po"
    source.write_bytes(fill_po(export.export_file(export.PAGE, "es", page=vendors), "es"))
    revisions = vendors.revisions.count()
    with pytest.raises(CommandError, match="for language “es”, not “fr”"):
        call_command("import_translations", str(source), "--language", "fr", "--user", "lead")
    with pytest.raises(CommandError, match="No user"):
        call_command("import_translations", str(source), "--language", "es", "--user", "ghost")
    assert vendors.revisions.count() == revisions


def test_import_command_submits_the_drafts_for_review(vendors, superuser, tmp_path):
    source = tmp_path / "es.po"
    source.write_bytes(fill_po(export.export_file(export.PAGE, "es", page=vendors), "es", only=":teaser"))
    out = io.StringIO()
    call_command("import_translations", str(source), "--language", "es", "--user", "lead", "--submit", stdout=out)
    assert "new draft revision, submitted for review" in out.getvalue()
    state = StandardPage.objects.get(pk=vendors.pk).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Translation review"
