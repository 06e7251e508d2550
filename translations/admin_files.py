"""Admin export/import of translation files (filled in by the translation-files work)."""
