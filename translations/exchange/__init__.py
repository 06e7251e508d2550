"""Translation files for outside translators: export to PO or XLIFF 2.0, import them back.

Plain functions, used by the `export_translations` / `import_translations` commands and the admin
views in `translations.admin_files`. One idea per module, lowest first:

- `keys`: the key of an entry, `<app_label>.<model_name>:<pk>:<unit key>`, and the labels of
  models that moved app (old files still import);
- `entries`: what a file holds whatever its format (`Entry` written, `FileEntry` read) and
  `TranslationFileError`, which refuses a file;
- `po` and `xliff`: writing and reading each format; `formats`: choosing between them;
- `markup`: the rich text markup a translation may hold;
- `export`: what an export holds (one page, a section, everything out of date) and its file;
- `importing`: checking a file against the site and the user's rights, then writing it.

**Out of date.** A unit whose English changed after its translation was made is exported with
its current translation and an "OUT OF DATE" comment (`#.` in PO, a `<note>` and
`state="initial"` in XLIFF). It is *not* marked fuzzy: translation tools and `msgfmt` treat fuzzy
entries as untranslated and some drop them, so the translator's corrected text could be lost.
Conversely, an entry a translator's tool marks fuzzy on the way back means "not sure yet" and is
skipped by the import (reported), as are entries with an empty translation: an import never
erases a translation.
"""
