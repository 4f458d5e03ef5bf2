"""`vigie sites import` and `vigie sites export` as a station's administrator runs them."""

from __future__ import annotations

import json
from pathlib import Path

from console.resources import resource
from tests.cli.test_cli import assert_one_line_error, vigie

DEMO = resource("demo") / "sites.json"


def test_import_dry_run_then_import_then_export(db_url: str, tmp_path: Path) -> None:
    dry = vigie("sites", "import", "--db", db_url, str(DEMO), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[0] == "LYO-0001 site: add ($.sites[0])"
    assert '    name: "Pharmacie de la Croix-Rousse"' in lines
    assert "    password: set" in lines and not any("phare" in line for line in lines)
    assert lines[-1].startswith("dry run, nothing written: 25 sites (25 add, 0 update, 0 unchanged)")
    assert vigie("sites", "export", "--db", db_url).stdout == '{\n  "version": 1,\n  "sites": []\n}\n'

    done = vigie("sites", "import", "--db", db_url, str(DEMO))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported sites.json: 25 sites (25 add, 0 update, 0 unchanged)")
    out = tmp_path / "station.json"
    exported = vigie("sites", "export", "--db", db_url, "--out", str(out))
    assert exported.returncode == 0 and exported.stdout == ""
    assert vigie("sites", "export", "--db", db_url).stdout == out.read_text(encoding="utf-8")
    again = vigie("sites", "import", "--db", db_url, str(out), "--dry-run")
    assert again.stdout.splitlines()[-1].startswith(
        "dry run, nothing written: 25 sites (0 add, 0 update, 25 unchanged)"
    )


def test_errors_are_listed_with_their_place_and_nothing_is_written(db_url: str, tmp_path: Path) -> None:
    broken = json.loads(DEMO.read_text(encoding="utf-8"))
    broken["sites"][1]["contacts"][0]["sip_uri"] = "phone"
    zones = broken["sites"][2]["zones"]
    zones.append({"number": 1, "name": "twice"})
    path = tmp_path / "broken.json"
    (tmp_path / "plans").symlink_to(DEMO.parent / "plans")  # its plans' files, relative to it
    path.write_text(json.dumps(broken), encoding="utf-8")
    for extra in (["--dry-run"], []):
        result = vigie("sites", "import", "--db", db_url, str(path), *extra)
        assert result.returncode == 1
        assert result.stderr.splitlines() == [
            "vigie: broken.json: $.sites[1].contacts[0].sip_uri: a sip: or sips: URI, not 'phone'",
            f"vigie: broken.json: $.sites[2].zones[{len(zones) - 1}]: the same zone as $.sites[2].zones[0]",
            "vigie: 2 error(s) in broken.json: nothing imported",
        ]
    assert vigie("sites", "export", "--db", db_url).stdout.endswith('"sites": []\n}\n')
    csv = tmp_path / "accounts.csv"
    csv.write_text("site,account\nA-1,12\n", encoding="utf-8")
    result = vigie("sites", "import", "--db", db_url, str(csv))
    assert (
        result.stderr.splitlines()[0]
        == "vigie: accounts.csv: line 2: account: 3 to 16 hexadecimal digits, not '12'"
    )


def test_one_line_refusals(db_url: str, tmp_path: Path) -> None:
    assert_one_line_error(
        vigie("sites", "import", "--db", db_url, str(tmp_path / "none.json")), "cannot read"
    )
    result = vigie("sites", "import", "--db", db_url, str(DEMO), "--operator", "nobody")
    assert_one_line_error(result, "no operator 'nobody'")
    result = vigie("sites", "export", "--db", db_url, "--out", str(tmp_path / "no" / "such" / "dir.json"))
    assert_one_line_error(result, "cannot write")
