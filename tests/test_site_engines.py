"""The site's build plumbing: Zensical builds the same pages as MkDocs from the same
mkdocs.yml and docs/, generated pages stay out of git, no file in the repository is over
1 MB, and the publish workflow passes actionlint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from accountpath.model import load as model_mod
from accountpath.site import site_files

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "tests" / "fixtures" / "agency.yml"  # the engine fixture, not the bundled content
MAX_BYTES = 1_000_000


def _tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name) or name


def _pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


def _project(work: Path) -> Path:
    """A copy of the site's sources (docs/ copied: generation writes into it)."""
    work.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copy(MODEL, work / "competencies.yml")
    shutil.copytree(ROOT / "docs", work / "docs")
    for name in ("scripts", "src"):
        (work / name).symlink_to(ROOT / name)
    return work


@pytest.mark.slow
def test_zensical_builds_every_page_mkdocs_builds(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1", SOURCE_DATE_EPOCH="1700000000")
    env.pop("ACCOUNTPATH_MODEL", None)
    a = _project(tmp_path / "mk")
    proc = subprocess.run(
        [_tool("mkdocs"), "build", "--strict", "-q", "-d", str(tmp_path / "mk-site")],
        cwd=a,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    z = _project(tmp_path / "zs")
    gen = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "site_files.py"), "generate"],
        cwd=z,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert gen.returncode == 0, gen.stderr
    proc = subprocess.run(
        [_tool("zensical"), "build", "--clean"],
        cwd=z,  # site_dir must be inside the project
        env=dict(env, SITE_DIR="zs-site"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "No issues found" in out and "Warning" not in out, out
    post = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "site_files.py"), "post", "zs-site"],
        cwd=z,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert post.returncode == 0, post.stderr
    zsite = z / "zs-site"
    mk, zs = _pages(tmp_path / "mk-site"), _pages(zsite)
    assert mk == zs, (sorted(mk - zs), sorted(zs - mk))
    generated = site_files.generated(model_mod.load(MODEL))
    for rel in generated:  # the downloads and data too, byte for byte
        if not rel.endswith(".md"):
            assert (zsite / rel).read_bytes() == (tmp_path / "mk-site" / rel).read_bytes(), rel
    assert (zsite / "search.json").exists()


@pytest.mark.slow
def test_generated_files_are_gitignored_and_untracked():
    files = site_files.generated(model_mod.load(MODEL))
    paths = [f"docs/{p}" for p in files] + [f"docs/{site_files.MANIFEST}"]
    proc = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT,
        input="\n".join(paths),
        capture_output=True,
        text=True,
    )
    ignored = set(proc.stdout.split())
    assert not set(paths) - ignored, f"add to .gitignore: {sorted(set(paths) - ignored)}"
    tracked = subprocess.run(["git", "ls-files", "--", *paths], cwd=ROOT, capture_output=True, text=True).stdout
    assert not tracked.strip(), tracked


def test_write_generated_updates_only_changes_and_drops_stale(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    assert sorted(site_files.write_generated(docs, {"a.md": "A", "b/c.md": "C"})) == ["a.md", "b/c.md"]
    assert site_files.write_generated(docs, {"a.md": "A", "b/c.md": "C"}) == []
    assert site_files.write_generated(docs, {"a.md": "A2"}) == ["a.md"]
    assert not (docs / "b").exists() and (docs / "a.md").read_text() == "A2"
    (docs / "hand.md").write_text("mine")
    with pytest.raises(ValueError, match="hand.md"):
        site_files.write_generated(docs, {"a.md": "A2", "hand.md": "generated"})
    assert (docs / "hand.md").read_text() == "mine"


def test_no_file_over_1mb_in_the_repository():
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    big = [
        (p, (ROOT / p).stat().st_size)
        for p in listed
        if p and (ROOT / p).is_file() and (ROOT / p).stat().st_size > MAX_BYTES
    ]
    assert not big, big


def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    assert workflows
    proc = subprocess.run(
        [_tool("actionlint"), "-no-color", *map(str, workflows)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = "\n".join(w.read_text(encoding="utf-8") for w in workflows)
    assert "make test" in text and "actions/deploy-pages" in text and "SITE_URL" in text
