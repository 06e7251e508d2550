"""Compare the old code's snapshot with the new code's and report every difference.

A difference is anything that is not equal, section by section: numbers, rows, responses. The
only tolerated ones are in EXPLAINED (each with its reason, printed in the report); keys present on
one side only count as differences too. HTML and XML bodies are shown as a unified diff (the
first `lines` lines per response), everything else as `path: old -> new`.
"""

import difflib
import json

from .normalise import lines_for_diff

# (section, key) -> why a difference there is expected and harmless.
EXPLAINED = {
    ("rows by model", "contenttype"): (
        "a model that moves to another app gets a new content type (stale ones are checked separately)"
    ),
    ("rows by model", "permission"): (
        "a model that moves gets its default permissions again under its new content type "
        "(what each group holds is compared by name)"
    ),
}
RESPONSE_SECTIONS = ["html", "previews", "site-wide"]
DATA_SECTIONS = [
    "redirect answers",
    "media",
    "pages by type",
    "live pages by type",
    "revisions by type",
    "reference index by type",
    "groups",
    "users",
    "translation status",
    "workflow states",
    "revisions",
    "rows",
]
SUMMARY_COUNTS = ["pages", "live pages", "revisions", "redirects", "images", "renditions", "documents"]
SUMMARY_COUNTS += ["users", "groups", "reference index", "translated objects", "language statuses"]
SUMMARY_COUNTS += ["workflow states"]


def short(value, limit=160):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[: limit - 1] + "…"


def same_up_to_white_space(a, b):
    """True when two bodies differ only in runs of white space, which HTML renders as one space
    (a template re-indented or a tag moved onto its own line is not a change a visitor sees)."""
    return a is not None and b is not None and " ".join(a.split()) == " ".join(b.split())


def _null_or_empty(a, b):
    return (a is None and b == "") or (a == "" and b is None)


def deep_diff(old, new, path=""):
    """Every (path, old, new) where two JSON values differ; `<absent>` marks a missing key."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new), key=str):
            sub = f"{path}.{key}" if path else str(key)
            if key not in old:
                out.append((sub, "<absent>", new[key]))
            elif key not in new:
                out.append((sub, old[key], "<absent>"))
            else:
                out.extend(deep_diff(old[key], new[key], sub))
        return out
    if isinstance(old, list) and isinstance(new, list) and old != new:
        gone = [item for item in old if item not in new]
        added = [item for item in new if item not in old]
        if gone or added:
            return [(path, {"only old": gone}, {"only new": added})]
        return [(path, "order: " + short(old), "order: " + short(new))]
    return [] if old == new else [(path, old, new)]


class Report:
    def __init__(self, old, new, lines=40, per_section=30, renames=(), renamed_columns=()):
        self.old, self.new, self.lines, self.per_section = old, new, lines, per_section
        # Deliberate renames between the two commits (--rename, --renamed-column): a text in the
        # old markup that the new code writes differently, a column a migration renamed.
        self.renames = list(renames)
        self.renamed_columns = list(renamed_columns)
        self.renamed = {}
        self.problems = []  # (section, text, detail lines)
        self.explained = []
        self.white_space = {}
        self.stats = {}

    def problem(self, section, text, detail=()):
        self.problems.append((section, text, list(detail)))

    def run(self):
        self.counts()
        for section in RESPONSE_SECTIONS:
            self.responses(section)
        for section in DATA_SECTIONS:
            self.data(section)
        self.stale()
        return self

    def counts(self):
        for section in ["counts", "rows by model"]:
            old, new = self.old.get(section, {}), self.new.get(section, {})
            for key in sorted(set(old) | set(new)):
                a, b = old.get(key), new.get(key)
                if a == b or (section == "rows by model" and not a and not b):
                    continue
                reason = EXPLAINED.get((section, key))
                text = f"{key}: {a} -> {b}"
                if reason:
                    self.explained.append(f"{section}: {text} ({reason})")
                else:
                    self.problem(section, text)

    def responses(self, section):
        old, new = self.old.get(section, {}), self.new.get(section, {})
        same = white_space = 0
        for key in sorted(set(old) | set(new)):
            a, b = old.get(key), new.get(key)
            if a == b:
                same += 1
                continue
            if (
                a is not None
                and b is not None
                and {k: v for k, v in a.items() if k != "body"} == {k: v for k, v in b.items() if k != "body"}
            ):
                old_body, new_body = a.get("body"), b.get("body")
                if same_up_to_white_space(old_body, new_body):
                    white_space += 1
                    continue
                renamed_body = self._renamed(old_body)
                if renamed_body != old_body and same_up_to_white_space(renamed_body, new_body):
                    self.renamed[section] = self.renamed.get(section, 0) + 1
                    continue
            if a is None or b is None:
                self.problem(section, f"{key}: only in the {'new' if a is None else 'old'} snapshot")
                continue
            meta = {k: v for k, v in a.items() if k != "body"}, {k: v for k, v in b.items() if k != "body"}
            detail = [f"{path}: {short(x)} -> {short(y)}" for path, x, y in deep_diff(*meta)]
            if a.get("body") != b.get("body"):
                old_lines, new_lines = lines_for_diff(a.get("body") or ""), lines_for_diff(b.get("body") or "")
                detail.extend(difflib.unified_diff(old_lines, new_lines, "old", "new", n=2, lineterm=""))
            url = a.get("url") or b.get("url")
            self.problem(section, f"{key} ({url})" if url and url != key else key, detail)
        self.stats[section] = (same, len(set(old) | set(new)))
        self.white_space[section] = white_space
        if self.renamed.get(section):
            self.explained.append(
                f"{section}: {self.renamed[section]} responses differ only by the deliberate renames "
                + ", ".join(f"{old!r} -> {new!r}" for old, new in self.renames)
            )
        if white_space:
            self.explained.append(
                f"{section}: {white_space} responses differ only in runs of white space between tags, "
                "which HTML renders alike"
            )

    def _renamed(self, body):
        for old, new in self.renames:
            body = body.replace(old, new)
        return body

    def _with_renamed_columns(self, rows):
        """The old rows with each renamed column under its new name."""
        if not self.renamed_columns or not isinstance(rows, dict):
            return rows
        rows = {model: {pk: dict(row) for pk, row in by_pk.items()} for model, by_pk in rows.items()}
        for model, old, new in self.renamed_columns:
            for row in rows.get(model, {}).values():
                if old in row and new not in row:
                    row[new] = row.pop(old)
        return rows

    def data(self, section):
        old_data = self.old.get(section)
        if section == "rows" and self.renamed_columns:
            old_data = self._with_renamed_columns(old_data)
            self.explained.append(
                "rows: columns renamed by migrations, compared under their new names: "
                + ", ".join(f"{model}.{old} -> {new}" for model, old, new in self.renamed_columns)
            )
        differences = deep_diff(old_data, self.new.get(section))
        if section == "rows":
            removed = [d for d in differences if d[1] == {} and d[2] == "<absent>"]
            differences = [d for d in differences if d not in removed]
            if removed:
                self.explained.append(
                    f"rows: models of apps no longer installed, whose tables held no rows: "
                    f"{', '.join(path for path, _a, _b in removed)} (the tables stay; nothing reads them)"
                )
            empty = [d for d in differences if _null_or_empty(d[1], d[2])]
            differences = [d for d in differences if not _null_or_empty(d[1], d[2])]
            if empty:
                fields = sorted({path.split(".", 2)[0] + "." + path.rsplit(".", 1)[-1] for path, _a, _b in empty})
                self.explained.append(
                    f"rows: {len(empty)} values went between NULL and '' ({', '.join(fields)}): both are empty to "
                    "modeltranslation and languages.is_filled (the project's migrate fills NULL English columns "
                    "of pages from the base column)"
                )
        if section == "rows":  # {model: {pk: row}}: count rows, not fields
            total = sum(len(rows) for rows in (self.old.get(section) or {}).values())
            changed = {".".join(path.split(".")[:2]) for path, _a, _b in differences}
            self.stats[section] = (total - len(changed), total)
        old, new = self.old.get(section) or {}, self.new.get(section) or {}
        if section == "redirect answers":
            self.stats[section] = (sum(1 for key, value in old.items() if new.get(key) == value), len(old))
        if section == "media":
            pairs = [(value, new.get(kind, {}).get(key)) for kind in old for key, value in old[kind].items()]
            self.stats[section] = (sum(1 for a, b in pairs if a == b), len(pairs))
        for path, a, b in differences:
            self.problem(section, f"{path}: {short(a)} -> {short(b)}")

    def stale(self):
        for entry in self.new.get("stale content types", []):
            refs = entry["referenced by"]
            if refs:
                where = ", ".join(f"{name} ({n})" for name, n in sorted(refs.items()))
                self.problem("stale content types", f"{entry['content type']} (id {entry['id']}) still used by {where}")
            else:
                self.explained.append(
                    f"stale content type {entry['content type']} (id {entry['id']}) is not used by any row"
                    " (`manage.py remove_stale_contenttypes` deletes it)"
                )

    # -- output --------------------------------------------------------------------------------
    def summary(self):
        old, new = self.old.get("counts", {}), self.new.get("counts", {})
        parts = [f"{k} {old.get(k)} {'=' if old.get(k) == new.get(k) else '!='} {new.get(k)}" for k in SUMMARY_COUNTS]
        labels = {
            "html": "HTML",
            "previews": "draft previews",
            "site-wide": "site-wide addresses",
            "redirect answers": "redirects answering",
            "media": "media files",
        }
        for section, label in labels.items():
            same, total = self.stats.get(section, (0, 0))
            white_space = self.white_space.get(section, 0)
            extra = f" (+{white_space} up to white space)" if white_space else ""
            parts.append(f"{label} {same}/{total} identical{extra}")
        same, total = self.stats.get("rows", (0, 0))
        parts.append(f"rows {same}/{total} identical")
        return ", ".join(parts)

    def text(self, full=False):
        """The differences, grouped by section; unless `full`, at most `per_section` per section
        and the first `lines` lines of each diff."""
        out = []
        if self.problems:
            out.append(f"DIFFERENCES ({len(self.problems)}):")
        sections = {}
        for section, text, detail in self.problems:
            sections.setdefault(section, []).append((text, detail))
        for section, items in sections.items():
            out.append(f"== {section} ({len(items)})")
            shown = items if full else items[: self.per_section]
            for text, detail in shown:
                out.append(f"  {text}")
                lines = detail if full else detail[: self.lines]
                out.extend(f"    {line}" for line in lines)
                if len(lines) < len(detail):
                    out.append(f"    ... {len(detail) - len(lines)} more lines")
            if len(shown) < len(items):
                out.append(f"  ... and {len(items) - len(shown)} more in {section} (--report FILE writes them all)")
        if self.explained:
            out.append("Explained (not counted as differences):")
            out.extend(f"  {text}" for text in self.explained)
        for side in ("old", "new"):
            normalised = getattr(self, side).get("meta", {}).get("normalised") or {}
            if normalised:
                applied = ", ".join(f"{name} ×{n}" for name, n in sorted(normalised.items()))
                out.append(f"Normalised in the {side} snapshot: {applied}")
        return "\n".join(out)


def compare(old, new, lines=40, per_section=30, renames=(), renamed_columns=()):
    report = Report(old, new, lines=lines, per_section=per_section, renames=renames, renamed_columns=renamed_columns)
    return report.run()
