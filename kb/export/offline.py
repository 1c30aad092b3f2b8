"""The offline copy of the site per language: a separate strict build with Material's offline plugin, zipped with
a launcher page."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from kb.export.site import ExportError, Language, Site


def build_offline(site: Site, dest: Path, downloads: Path) -> None:
    """A separate strict build with Material's offline plugin (file:// links, inlined search index)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_OFFLINE="true", KB_DOWNLOADS=str(downloads))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q",
                             "-f", str(site.config_file), "-d", str(dest)],
                            cwd=site.config_file.parent, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise ExportError(f"{site.config_file}: offline build failed:\n{result.stdout}{result.stderr}")


def launcher(lang: Language, folder: str) -> str:
    """The bundle's entry page: opens the site in the bundle's language (works from file://)."""
    target = f"{folder}/{lang.prefix}index.html"
    return (f'<!DOCTYPE html>\n<html lang="{lang.code}" dir="{lang.dir}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={target}"><title>{lang.site_name}</title></head>'
            f'<body><p><a href="{target}">{lang.site_name}</a></p></body></html>\n')


def zip_offline(offline_dir: Path, lang: Language, out: Path) -> None:
    """offline-site-<lang>.zip: index.html (opens the site in `lang`) and the bilingual site under site/."""
    out.parent.mkdir(parents=True, exist_ok=True)
    top = out.stem
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(f"{top}/index.html", launcher(lang, "site"))
        for file in sorted(offline_dir.rglob("*")):
            if file.is_file() and not file.name.endswith((".map", ".gz")):
                z.write(file, f"{top}/site/{file.relative_to(offline_dir).as_posix()}")
