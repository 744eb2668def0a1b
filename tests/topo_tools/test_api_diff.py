"""topo_tools/api_diff.py (`make api-diff`) on two tiny checkouts, a tiny git repository, and the real packages."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from topo_tools import api_diff

ROOT = Path(__file__).resolve().parents[2]

MODELS = '''
from attrs import define

UNSET = object()


@define
class Contact:
    id: str
    city: str | None = UNSET
    email: str | None = UNSET
'''
WEBHOOKS = '''
def sign(body: bytes, secret: str, *, timestamp: int | None = None) -> dict[str, str]:
    return {}
'''
SPEC = {"info": {"version": "0.1.0"}, "paths": {"/contacts": {"get": {"operationId": "list_contacts"}}},
        "components": {"schemas": {"Contact": {"type": "object"}}}}


def checkout(root: Path, models: str = MODELS, webhooks: str = WEBHOOKS, spec: dict | None = None) -> Path:
    package = root / "generated" / "topo_client"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text('from .models import Contact\n\n__all__ = ["Contact"]\n')
    (package / "models.py").write_text(textwrap.dedent(models))
    (package / "openapi.json").write_text(json.dumps(spec or SPEC))
    (root / "topo_ext").mkdir(exist_ok=True)
    (root / "topo_ext" / "__init__.py").write_text('from .webhooks import sign\n\n__all__ = ["sign"]\n')
    (root / "topo_ext" / "webhooks.py").write_text(textwrap.dedent(webhooks))
    return root


@pytest.fixture
def compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    old = checkout(tmp_path / "old")
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text("accepted: []\n")

    def run(models: str = MODELS, webhooks: str = WEBHOOKS, spec: dict | None = None,
            accepted_text: str | None = None) -> tuple[int, str]:
        new = tmp_path / "new"
        shutil.rmtree(new, ignore_errors=True)
        checkout(new, models, webhooks, spec)
        if accepted_text is not None:
            accepted.write_text(accepted_text)
        code = api_diff.main(["--old-dir", str(old), "--new-dir", str(new), "--accepted", str(accepted)])
        out, err = capsys.readouterr()
        return code, out + err

    return run


def test_no_change(compare: Callable[..., tuple[int, str]]) -> None:
    code, out = compare()
    assert code == 0 and "0 change(s)" in out


def test_an_added_field_is_not_breaking(compare: Callable[..., tuple[int, str]]) -> None:
    code, out = compare(models=MODELS + "    favorite_color: str | None = UNSET\n")
    assert code == 0
    assert "added" in out and "Contact.favorite_color" in out and "BREAKING" not in out


def test_a_removed_field_is_breaking(compare: Callable[..., tuple[int, str]]) -> None:
    code, out = compare(models=MODELS.replace("    city: str | None = UNSET\n", ""))
    assert code == 1
    assert any("BREAKING" in line and "Contact.city" in line and "[removed]" in line for line in out.splitlines())


def test_an_optional_parameter_made_required_is_breaking(compare: Callable[..., tuple[int, str]]) -> None:
    code, out = compare(webhooks=WEBHOOKS.replace("timestamp: int | None = None", "timestamp: int | None"))
    assert code == 1
    assert any("BREAKING" in line and "sign(timestamp)" in line and "[param-required]" in line
               for line in out.splitlines())


@pytest.mark.parametrize(("models", "webhooks", "code_in_output"), [
    (MODELS + "    score: int\n", WEBHOOKS, "[field-required]"),  # a new required constructor argument
    (MODELS.replace("email: str | None", "email: int | None"), WEBHOOKS, "[type]"),
    (MODELS, WEBHOOKS.replace("secret: str, *", "secret: str, key: str, *"), "[param-added-required]"),
    (MODELS.replace("city:", "town:"), WEBHOOKS, "[removed]"),  # a renamed field is a removed one
])
def test_other_breaking_changes(compare: Callable[..., tuple[int, str]], models: str, webhooks: str,
                                code_in_output: str) -> None:
    code, out = compare(models=models, webhooks=webhooks)
    assert code == 1 and code_in_output in out


def test_a_union_that_gains_a_member_is_additive_but_one_that_loses_a_member_breaks(
        compare: Callable[..., tuple[int, str]]) -> None:
    # e.g. a new event type joins Activity.payload's union: additive, the API promised new event types.
    code, out = compare(models=MODELS.replace("email: str | None", "email: str | bytes | None"))
    assert code == 0 and "[widened]" in out and "now also bytes" in out and "BREAKING" not in out
    code, out = compare(models=MODELS.replace("email: str | None", "email: str"))
    assert code == 1 and "[type]" in out


def test_a_field_that_is_no_longer_required_is_relaxed_not_breaking(compare: Callable[..., tuple[int, str]]) -> None:
    # The spec drops a response field from `required` (the docs' examples omit it): readers lose nothing they had.
    relaxed = MODELS.replace("    id: str\n", "").replace("@define\nclass Contact:\n", "@define\nclass Contact:\n    id: str | Unset = UNSET\n")
    relaxed = relaxed.replace("UNSET = object()", "class Unset: ...\n\n\nUNSET = Unset()")
    code, out = compare(models=relaxed)
    assert code == 0 and "[relaxed]" in out and "no longer required" in out and "BREAKING" not in out
    code, out = compare(models=relaxed.replace("id: str | Unset", "id: int | Unset"))
    assert code == 1 and "[type]" in out  # still breaking when the type changes as well


def test_accepted_breaking_changes_pass_and_need_a_reason(compare: Callable[..., tuple[int, str]]) -> None:
    removed = MODELS.replace("    city: str | None = UNSET\n", "")
    entry = "accepted:\n  - path: topo_client.Contact.city\n    change: {}\n    reason: The API dropped it.\n"
    code, out = compare(models=removed, accepted_text=entry.format("removed"))
    assert code == 0 and "breaking (accepted)" in out
    code, out = compare(models=removed, accepted_text=entry.format("type"))  # accepts another change only
    assert code == 1
    code, out = compare(models=removed, accepted_text="accepted:\n  - path: topo_client.Contact.*\n    reason: r\n")
    assert code == 0  # a glob
    code, out = compare(models=removed, accepted_text="accepted:\n  - path: topo_client.Contact.city\n")
    assert code == 2 and "reason" in out


def test_spec_summary_line(compare: Callable[..., tuple[int, str]]) -> None:
    spec = json.loads(json.dumps(SPEC))
    spec["paths"]["/contacts/{id}"] = {"get": {"operationId": "get_contact"}}
    spec["components"]["schemas"]["Bounce"] = {}
    del spec["components"]["schemas"]["Contact"]
    _, out = compare(spec=spec)
    assert "operations +1 -0; +GET /contacts/{id}" in out and "schemas +1 -1; +Bounce; -Contact" in out


def test_git_ref_defaults_to_the_last_commit_touching_generated(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    repo = checkout(tmp_path / "repo")

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "one")
    checkout(repo, models=MODELS + "    favorite_color: str | None = UNSET\n")
    git("commit", "-qam", "two: regenerated")
    checkout(repo, models=MODELS + "    favorite_color: str | None = UNSET\n",
             webhooks=WEBHOOKS.replace("timestamp: int | None = None", "timestamp: int | None"))
    git("commit", "-qam", "three: topo_ext only")
    checkout(repo, models=MODELS + "    favorite_color: str | None = UNSET\n    mood: str | None = UNSET\n",
             webhooks=WEBHOOKS.replace("timestamp: int | None = None", "timestamp: int | None"))
    accepted = tmp_path / "none.yaml"
    assert api_diff.main(["--new-dir", str(repo), "--accepted", str(accepted)]) == 1  # vs "two"
    out = capsys.readouterr().out
    assert "sign(timestamp)" in out and "Contact.mood" in out and "favorite_color" not in out
    assert api_diff.main(["--ref", "HEAD", "--new-dir", str(repo), "--accepted", str(accepted)]) == 0
    assert "Contact.mood" in capsys.readouterr().out
    assert api_diff.main(["--ref", "no-such-ref", "--new-dir", str(repo), "--accepted", str(accepted)]) == 2


def test_the_real_surface_compared_with_itself() -> None:
    old, old_modules = api_diff.load(ROOT)
    new, new_modules = api_diff.load(ROOT)
    changes = api_diff.diff(old, new)
    assert changes == [] and api_diff.griffe_breakages(old_modules, new_modules, changes) == []  # no noise
    assert {"topo_ext.Topo.__init__", "topo_ext.models.ContactExclusionCreate", "topo_ext.models.Contact",
            "topo_client.models.ContactExclusionCreate", "topo_ext.events.MessageRepliedEvent"} <= set(new)
    # read through re-exports and star imports (listed where users import them: topo_ext.models, topo_ext.events)
    assert new["topo_ext.models.Contact"]["canonical"] == "topo_client.responses.Contact"
    assert new["topo_ext.models.ContactExclusionCreate"]["fields"]["reason"] is True  # a required request field
    assert new["topo_ext.models.Contact"]["fields"]["id"] is False  # response fields: all optional (lenient)
    assert "operations +0 -0" in api_diff.spec_summary(ROOT, ROOT)


@pytest.mark.parametrize(("content", "problem"), [
    (b'{"paths": {', "not valid JSON"),
    (b"[1, 2]", "expected an OpenAPI document (a JSON object), got a JSON list"),
    (b'\xff\xfe{}', "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "nested deeper than 64"),
    (b'{"paths": {"/x": 5}}', "must map names to objects"),
])
def test_a_bad_spec_is_one_error_line_naming_it_exit_2(compare: Callable[..., tuple[int, str]], tmp_path: Path,
                                                       content: bytes, problem: str) -> None:
    spec = tmp_path / "old" / "generated" / "topo_client" / "openapi.json"
    spec.write_bytes(content)
    code, out = compare()
    assert code == 2 and "Traceback" not in out  # 1 would say "a breaking change was found"
    assert out.strip().splitlines() == [f"api-diff: {spec}: " + out.split(f"{spec}: ", 1)[1].strip()]
    assert problem in out


@pytest.mark.parametrize(("content", "problem"), [
    (b"\xff\xfe", "not UTF-8"),
    (b"accepted:\n- path: 5\n  reason: x\n", "must be strings"),
    (b"accepted:\n- path: a.b\n  reason: [x]\n", "must be strings"),
    (None, "cannot read"),  # a directory
])
def test_a_bad_accepted_file_is_one_error_line_naming_it_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                content: bytes | None, problem: str) -> None:
    old, new = checkout(tmp_path / "old"), checkout(tmp_path / "new")
    accepted = tmp_path / "accepted"
    if content is None:
        accepted.mkdir()
    else:
        accepted.write_bytes(content)
    code = api_diff.main(["--old-dir", str(old), "--new-dir", str(new), "--accepted", str(accepted)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"api-diff: {accepted}: ") and problem in err


ALIAS = '''
from typing import Annotated

from attrs import define


@define
class Contact:
    id: str


@define
class Sent:
    id: str


@define
class Opened:
    id: str


@define
class Bounced:
    id: str


Payload = Annotated[Sent | Opened, "discriminated by type; ''' + "a long description " * 40 + '''"]
'''


def test_an_alias_union_that_gains_a_member_is_widened_and_long_values_are_cut(tmp_path: Path,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # ActivityPayload = Annotated[A | B | ..., Field(...)]: a new event joins it (additive, like an annotation's union)
    old = checkout(tmp_path / "old", models=ALIAS)
    new = checkout(tmp_path / "new", models=ALIAS.replace("Sent | Opened,", "Sent | Opened | Bounced,"))
    args = ["--old-dir", str(old), "--new-dir", str(new), "--accepted", str(tmp_path / "none.yaml")]
    assert api_diff.main(args) == 0
    line, = (line for line in capsys.readouterr().out.splitlines() if "Payload" in line and "changed" in line)
    assert line.split()[1:] == ["topo_client.models.Payload", "[widened]", "value:", "now", "also", "Bounced"]
    checkout(new, models=ALIAS.replace("a long", "a longer"))  # another change of a long value: shown cut
    assert api_diff.main(args) == 0
    line, = (line for line in capsys.readouterr().out.splitlines() if "Payload" in line and "changed" in line)
    assert "[value]" in line and line.count("more characters]") == 2 and len(line) < 400


def test_instance_attribute_values_are_not_api(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `self.rate = float(rate) if rate else None` -> `self.rate = rate`: an implementation detail, not reported
    budget = WEBHOOKS + "\n\nclass Budget:\n    def __init__(self, rate: float) -> None:\n        self.rate = RATE\n"
    old = checkout(tmp_path / "old", webhooks=budget.replace("RATE", "float(rate) if rate else None"))
    new = checkout(tmp_path / "new", webhooks=budget.replace("RATE", "rate"))
    assert api_diff.main(["--old-dir", str(old), "--new-dir", str(new), "--accepted", str(tmp_path / "no")]) == 0
    assert "0 change(s)" in capsys.readouterr().out
