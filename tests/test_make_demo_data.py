"""The demo data generator: resources/demo is exactly what tools/make_demo_data.py makes of the data
files in tools/demo_data, and a mistake in those files is reported by site and field."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from console.resources import resource

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "make_demo_data.py"
DATA = ROOT / "tools" / "demo_data"
DEMO = resource("demo")


def _generate(out: Path, data: Path = DATA) -> subprocess.CompletedProcess[str]:
    """Run the script as a developer would, with the project's Python (standard library only)."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_generator_reproduces_the_committed_demo_byte_for_byte(tmp_path: Path) -> None:
    result = _generate(tmp_path)
    assert result.returncode == 0, result.stderr
    made, committed = _files(tmp_path), _files(DEMO)
    assert "sites.json" in committed and any(name.startswith("plans/") for name in committed)
    problems = [
        f"differs: {name}" for name in sorted(made.keys() & committed.keys()) if made[name] != committed[name]
    ]
    problems += [f"not committed: {name}" for name in sorted(made.keys() - committed.keys())]
    problems += [f"no longer generated: {name}" for name in sorted(committed.keys() - made.keys())]
    assert not problems, (
        "resources/demo does not match tools/demo_data; run `python tools/make_demo_data.py` and commit "
        "resources/demo:\n  " + "\n  ".join(problems)
    )


def _edited_data(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the data files with one exact edit (failing if ``old`` is not there exactly once)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found exactly once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param(
            "sites.toml",
            'code = "LYO-0001"\n',
            "",
            "sites.toml: site #1 (Pharmacie de la Croix-Rousse): missing field 'code'",
            id="site-without-code",
        ),
        pytest.param(
            "sites.toml",
            'builder = "pharmacy"',
            'builder = "castle"',
            "sites.toml: site LYO-0001: field 'builder': unknown builder 'castle' (known: apartment, bakery,",
            id="unknown-builder",
        ),
        pytest.param(
            "sites.toml",
            'code = "PAR-0001"',
            'code = "LYO-0001"',
            "sites.toml: site #2 (Bijouterie Lemaire): field 'code': 'LYO-0001' is already the code of site #1",
            id="duplicate-code",
        ),
        pytest.param(
            "sites.toml",
            'builder = "pharmacy"',
            'builder = "pharmacy"\nadress = "12 boulevard"',
            "sites.toml: site LYO-0001: unknown field 'adress'",
            id="misspelt-field",
        ),
        pytest.param(
            "sites.toml",
            "longitude = 4.8302\nrisk_class = 4\n",
            'longitude = 4.8302\nrisk_class = "4"\n',
            "sites.toml: site LYO-0001: field 'risk_class': expected a whole number, found a string",
            id="wrong-type",
        ),
        pytest.param(
            "sites.toml",
            'extra_procedures = ["open_close"]\npeople = [\n    { role = "Pharmacien titulaire',
            'extra_procedures = ["opening"]\npeople = [\n    { role = "Pharmacien titulaire',
            "sites.toml: site LYO-0001: field 'extra_procedures': 'opening' is not an optional procedure",
            id="unknown-procedure",
        ),
        pytest.param(
            "sites.toml",
            '{ role = "Pharmacien titulaire|Pharmacienne titulaire" }',
            '{ function = "Pharmacien titulaire|Pharmacienne titulaire" }',
            "sites.toml: site LYO-0001: people #1: missing field 'role'",
            id="person-without-role",
        ),
        pytest.param(
            "procedures.toml",
            'when = ["occupied_at_night"]\n\n[[procedures.intrusion.steps]]',
            'when = ["at_night"]\n\n[[procedures.intrusion.steps]]',
            "procedures.toml: procedure intrusion: step 4: field 'when': unknown condition 'at_night'",
            id="unknown-condition",
        ),
    ],
)
def test_a_malformed_data_file_is_named_by_site_and_field(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    out = tmp_path / "out"
    result = _generate(out, _edited_data(tmp_path, file, old, new))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()  # checked before anything is written


def test_a_toml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    data = _edited_data(tmp_path, "contacts.toml", 'mobile_prefix = "+33 6 39 98"', "mobile_prefix = +33 6")
    result = _generate(tmp_path / "out", data)
    assert result.returncode == 2
    assert "contacts.toml: not valid TOML" in result.stderr and "line " in result.stderr
    assert "Traceback" not in result.stderr
