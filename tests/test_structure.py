"""The package's shape, measured from the source: no import cycles, the core imports no
adapter, no import of a package module inside a function, modules under 400 lines and
functions under 60 (Python and the site's JavaScript alike).

Sizes: a module's lines are its physical lines; a Python function's are
`end_lineno - lineno + 1` of its ast node (decorators excluded, nested functions counted
in their parent too); a JavaScript function runs from its `function`/arrow line to the
closing brace at the same indentation (our JS is formatted that way).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "accountpath"
JS = ROOT / "docs" / "assets" / "js"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

CORE = {
    "model",
    "modeltypes",
    "builder",
    "rules",
    "rules_ladder",
    "rulebase",
    "schema_messages",
    "yamlsource",
    "xlsx_read",
    "cardcheck",
    "names",
    "round_files",
    "debrief",
    "calibrate",
    "plan",
    "plan_check",
    "problems",
    "vocab",
    "i18n",
    "evaluate",
    "rounds",
    "cards",
    "cache",
    "mdtext",
}
"""Model types, validation rules, loading and cache, evaluation, rounds, calibration, plans."""

ADAPTERS = {
    "cli",
    "cli_common",
    "cli_model",
    "cli_plan",
    "cli_scorecard",
    "cli_evaluate",
    "cli_calibrate",
    "pages",
    "scorecard",
    "report",
    "radar",
    "svg",
    "templating",
    "xlsx_card",
    "round_xlsx",
    "pdf",
}
"""Command line and renderers (pages, scorecards, reports, xlsx, charts, pdf); plus the MkDocs hook."""


def _modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(PKG.glob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _package_imports(node: ast.AST, known: set[str]) -> set[str]:
    """Names of package modules imported by one import statement (relative or accountpath.*)."""
    found: set[str] = set()
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level == 1 or base.startswith("accountpath"):
            sub = base.removeprefix("accountpath").lstrip(".") if node.level == 0 else base
            if sub:
                found.add(sub.split(".")[0])
            else:  # from . import x, y
                found |= {a.name for a in node.names if a.name in known}
    elif isinstance(node, ast.Import):
        found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("accountpath.")}
    return found & known


def _top_level_imports(tree: ast.Module, known: set[str]) -> set[str]:
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and _is_type_checking(node):
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


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_core_imports_no_adapter():
    graph = import_graph()
    bad = [
        f"{m} imports {', '.join(sorted(graph[m] & ADAPTERS))}"
        for m in sorted(graph)
        if m in CORE and graph[m] & ADAPTERS
    ]
    assert not bad, "core modules must not import adapters: " + "; ".join(bad)


def test_no_package_import_inside_a_function():
    """A lazy import of a package module hides a cycle; third-party lazy imports (start-up time) are fine."""
    mods = _modules()
    known = set(mods)
    bad = []
    for name, tree in mods.items():
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(fn):
                    hit = _package_imports(node, known)
                    if hit:
                        bad.append(f"{name}.py:{node.lineno} {fn.name}() imports {', '.join(sorted(hit))}")
    assert not bad, "imports inside functions:\n" + "\n".join(sorted(set(bad)))


def _python_sizes() -> tuple[list[str], list[str]]:
    long_modules, long_functions = [], []
    for path in sorted(PKG.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            long_modules.append(f"src/accountpath/{path.name}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long_functions.append(f"src/accountpath/{path.name}:{node.lineno} {node.name}(): {n} lines")
    return long_modules, long_functions


_JS_START = re.compile(
    r"^(?P<indent>\s*)(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s*(?P<fn>[\w$]*)\s*\("
    r"|(?:const|let|var)\s+(?P<arrow>[\w$]+)\s*=\s*(?:async\s+)?(?:\([^)]*\)|[\w$]+)\s*=>\s*\{\s*$)"
)


def js_functions(text: str) -> list[tuple[str, int, int]]:
    """(name, first line, number of lines) of each named function and arrow function block."""
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = _JS_START.match(line)
        if not m or not line.rstrip().endswith("{"):
            continue
        indent = m.group("indent")
        end = next((j for j in range(i + 1, len(lines)) if re.match(rf"^{indent}\}}", lines[j])), i)
        out.append((m.group("fn") or m.group("arrow") or "<anonymous>", i + 1, end - i + 1))
    return out


def _js_sizes() -> tuple[list[str], list[str]]:
    long_modules, long_functions = [], []
    for path in sorted(JS.glob("*.js")):
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        rel = path.relative_to(ROOT)
        if lines > MAX_MODULE_LINES:
            long_modules.append(f"{rel}: {lines} lines")
        long_functions += [
            f"{rel}:{start} {name}(): {n} lines" for name, start, n in js_functions(text) if n > MAX_FUNCTION_LINES
        ]
    return long_modules, long_functions


def test_js_function_finder_measures_a_known_function():
    text = (
        "export function f(a) {\n  if (a) {\n    return 1;\n  }\n  return 2;\n}\nconst g = (x) => {\n  return x;\n};\n"
    )
    assert js_functions(text) == [("f", 1, 6), ("g", 7, 3)]


@pytest.mark.parametrize("kind", ["modules", "functions"])
def test_sizes(kind):
    py_modules, py_functions = _python_sizes()
    js_modules, js_functions_ = _js_sizes()
    if kind == "modules":
        offenders, limit = py_modules + js_modules, MAX_MODULE_LINES
    else:
        offenders, limit = py_functions + js_functions_, MAX_FUNCTION_LINES
    assert not offenders, f"{kind} over {limit} lines (split them):\n  " + "\n  ".join(offenders)
