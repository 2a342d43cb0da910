"""The package's shape, measured from the source: the layers are import-linter's contracts
(pyproject.toml, run by `make lint`); here, that the contracts really bite, that there is no
import cycle between modules, no package import inside a function and a small package root.
Length is not measured: ruff's complexity rules (C901, PLR0915) keep functions readable.
"""

from __future__ import annotations

import ast
import functools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "accountpath"
MAX_ROOT_MODULES = 8


def _modname(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.lru_cache(maxsize=1)
def _modules() -> dict[str, ast.Module]:
    """Every module of the package, parsed once per session (the tests only read the trees)."""
    return {_modname(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(PKG.rglob("*.py"))}


def _package_imports(node: ast.AST, known: set[str]) -> set[str]:
    """Package modules one import statement brings in (`from accountpath.x import y` may name a module)."""
    found: set[str] = set()
    if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("accountpath"):
        for a in node.names:
            sub = f"{node.module}.{a.name}"
            found.add(sub if sub in known else node.module)
    elif isinstance(node, ast.Import):
        found |= {a.name for a in node.names if a.name.startswith("accountpath.")}
    return {m for m in found if m in known and m != "accountpath"}


def _top_level_imports(tree: ast.Module, known: set[str]) -> set[str]:
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            continue  # annotations only, never executed
        for sub in ast.walk(node):
            if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)):
                break
            out |= _package_imports(sub, known)
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> package modules it imports at run time (module level)."""
    mods = _modules()
    known = set(mods)
    return {name: _top_level_imports(tree, known) - {name} for name, tree in mods.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_no_package_import_inside_a_function():
    """A lazy import of a package module hides a cycle; third-party lazy imports (start-up time) are fine.
    The command group's lookup of a command module by name (cli.main.command) is the one exception."""
    mods = _modules()
    known = set(mods)
    bad = []
    for name, tree in mods.items():
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(fn):
                    hit = _package_imports(node, known)
                    if hit:
                        bad.append(f"{name}:{node.lineno} {fn.name}() imports {', '.join(sorted(hit))}")
    assert not bad, "imports inside functions:\n" + "\n".join(sorted(set(bad)))


def test_the_package_root_stays_small():
    root = sorted(p.name for p in PKG.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert len(root) <= MAX_ROOT_MODULES, root


def test_every_layer_has_a_docstring_and_no_reexports():
    for init in sorted(PKG.glob("*/__init__.py")):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), init
        assert all(isinstance(n, ast.Expr) for n in tree.body), f"{init}: a layer's __init__ holds no code"


def _lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=src,
        text=True,
        capture_output=True,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.mark.slow
def test_a_core_module_importing_a_renderer_breaks_the_contracts(tmp_path):
    shutil.copytree(PKG, tmp_path / "accountpath", ignore=shutil.ignore_patterns("__pycache__", "locale", "templates"))
    assert _lint_imports(tmp_path).returncode == 0
    debrief = tmp_path / "accountpath" / "method" / "debrief.py"
    debrief.write_text(
        debrief.read_text(encoding="utf-8") + "\nfrom accountpath.render import round_report  # noqa\n",
        encoding="utf-8",
    )
    broken = _lint_imports(tmp_path)
    assert broken.returncode != 0
    assert "accountpath.method.debrief -> accountpath.render.round_report" in broken.stdout


def test_no_test_module_imports_another():
    """Shared test helpers live in conftest.py (and browser_util.py), never in another test module."""
    bad = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            bad += [f"{path.relative_to(ROOT)}:{node.lineno} imports {n}" for n in names if n.startswith("test_")]
    assert not bad, "\n".join(bad)
