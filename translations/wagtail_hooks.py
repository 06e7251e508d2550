"""Admin pieces of the translation tools."""

from . import admin_files  # noqa: F401  export/import of translation files (PO, XLIFF)
