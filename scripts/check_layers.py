"""The parts of the layering contract import-linter cannot see (`make lint` runs both).

1. Model labels in strings: a foreign key to "home.HomePage", a `parent_page_types` entry, an
   `apps.get_model("home", "HomePage")` or a `_meta.label == "home.homepage"` test is a
   dependency on the app that owns the model, even though nothing is imported. A module may name
   only models of its own layer's app or of the layers below it (the layers are import-linter's,
   read from pyproject.toml).
2. No import cycles at all, between any two modules of the site (also within one app), imports
   inside functions included.

Migrations are left out of (1): they are the record of how models were at the time.

Run with the project's settings: `DJANGO_SETTINGS_MODULE=wiegosite.settings.test python scripts/check_layers.py`.
Exits 1 and lists every violation.
"""

from __future__ import annotations

import ast
import os
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_layers(pyproject: Path = ROOT / "pyproject.toml") -> tuple[list[str], dict[str, int]]:
    """(root packages, {package: layer number}); a higher number is a higher layer."""
    config = tomllib.loads(pyproject.read_text())["tool"]["importlinter"]
    [contract] = [c for c in config["contracts"] if c["id"] == "layers"]
    layer_of = {}
    for number, layer in enumerate(reversed(contract["layers"])):
        for package in layer.split("|"):
            layer_of[package.strip()] = number
    return config["root_packages"], layer_of


def _python_files(package: str, root: Path = ROOT):
    for path in sorted((root / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def model_labels_in(tree: ast.AST):
    """(line, "app_label.ModelName") for every string that may name a model, and for the app
    argument of two-argument `get_model("app", "Model")` calls."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "get_model":
            args = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if len(args) == 2:
                yield node.lineno, f"{args[0]}.{args[1]}"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if text.count(".") == 1 and " " not in text and all(part.isidentifier() for part in text.split(".")):
                yield node.lineno, text


def upward_string_references(layer_of: dict[str, int], resolve_app, root: Path = ROOT) -> list[str]:
    """Violations of (1). `resolve_app(label)` gives the package of the app that owns the model
    named by `label`, or None when the string names no model."""
    problems = []
    for package, layer in layer_of.items():
        for path in _python_files(package, root):
            for line, label in model_labels_in(ast.parse(path.read_text(), str(path))):
                owner = resolve_app(label)
                if owner in layer_of and layer_of[owner] > layer:
                    problems.append(
                        f"{path.relative_to(root)}:{line}: names the model {label!r} of {owner!r}, a higher layer"
                    )
    return problems


def import_cycles(graph, modules: set[str]) -> list[list[str]]:
    """Every group of modules that import each other, directly or in a ring (Tarjan's strongly
    connected components over the import graph)."""
    index, low, on_stack, stack, groups, counter = {}, {}, set(), [], [], [0]

    def visit(start):
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start) & modules)))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child) & modules))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return groups


def main() -> int:
    import django
    import grimp

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiegosite.settings.test")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.apps import apps

    packages, layer_of = read_layers()

    def resolve_app(label):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            return None
        return model._meta.app_config.name.split(".")[0]

    problems = upward_string_references(layer_of, resolve_app)
    graph = grimp.build_graph(*packages, cache_dir=None)
    site_modules = {module for module in graph.modules if ".migrations" not in module}
    for group in import_cycles(graph, site_modules):
        problems.append("import cycle between " + ", ".join(group))
    for problem in problems:
        print(problem)
    print(f"check_layers: {len(problems)} problem(s) in {len(site_modules)} modules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
