"""ProperDocs 1.6.7, the community fork of MkDocs 1.6.1, builds the same site: the same files, the same HTML but
for the generator tag and build-time dates, the same search indexes. Both builds run here, one after the other,
from the same sources with the same site URL: MkDocs from .venv, ProperDocs from .venv-properdocs, which
scripts/setup.sh installs from requirements-properdocs.txt (the site's pins plus properdocs)."""
import difflib
import gzip
import os
import re
import subprocess

import pytest

from support import ROOT, run_build

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
SITE_URL = "http://127.0.0.1:8000/"
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
# Dates of the build itself (generated pages show the build time); page dates come from git and are the same.
BUILD_DATE = re.compile(r'(<span class="git-revision-date-localized-plugin[^"]*"[^>]*>)[^<]*(</span>)')
BUILD_DATE_TITLE = re.compile(r'(<span class="git-revision-date-localized-plugin[^"]*" title=")[^"]*(")')


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    assert PROPERDOCS.exists(), f"{PROPERDOCS} missing: scripts/setup.sh test installs it"
    mkdocs_site = tmp_path_factory.mktemp("mkdocs-site")
    result = run_build(ROOT, mkdocs_site, SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    properdocs_site = tmp_path_factory.mktemp("properdocs-site")
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "--clean", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(properdocs_site)], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    return mkdocs_site, properdocs_site


def files(site) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def comparable(path, data: bytes) -> bytes:
    """The file as compared: HTML without its generator tag and build dates, gzip files decompressed."""
    if path.suffix == ".gz":
        return gzip.decompress(data)
    if path.suffix == ".html":
        text = GENERATOR.sub('<meta name="generator" content="">', data.decode("utf-8"))
        text = BUILD_DATE.sub(r"\1\2", BUILD_DATE_TITLE.sub(r"\1\2", text))
        return text.encode("utf-8")
    return data


def test_both_programs_built_the_site(sites):
    generators = [GENERATOR.search((site / "index.html").read_text(encoding="utf-8")).group(1) for site in sites]
    assert generators[0].startswith("mkdocs-1.6.1,"), generators
    assert generators[1].startswith("mkdocs-ProperDocs 1.6.7,"), generators


def test_the_same_files(sites):
    mkdocs_files, properdocs_files = (files(site) for site in sites)
    assert len(mkdocs_files) > 100
    assert mkdocs_files == properdocs_files, {"only mkdocs": sorted(mkdocs_files - properdocs_files),
                                              "only properdocs": sorted(properdocs_files - mkdocs_files)}


def test_the_same_content_apart_from_the_generator_and_build_dates(sites):
    mkdocs_site, properdocs_site = sites
    differ = []
    for name in sorted(files(mkdocs_site) & files(properdocs_site)):
        a, b = ((site / name) for site in sites)
        left, right = comparable(a, a.read_bytes()), comparable(b, b.read_bytes())
        if left != right:
            lines = difflib.unified_diff(left.decode("utf-8", "replace").splitlines(),
                                         right.decode("utf-8", "replace").splitlines(), lineterm="", n=0)
            differ.append(f"{name}:\n" + "\n".join(list(lines)[2:8]))
    assert differ == [], "\n".join(differ[:5])


@pytest.mark.parametrize("name", ["search/index.en.js", "search/index.ar.js", "search/search_index.json"])
def test_the_same_search_indexes(sites, name):
    mkdocs_index, properdocs_index = ((site / name).read_bytes() for site in sites)
    assert mkdocs_index == properdocs_index
    if name.endswith(".js"):
        assert mkdocs_index.count(b'"location":') > 50  # a real index, not two empty ones
