"""The command line as users meet it: real processes, exit codes, one-line errors."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "compare", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_start_up_leaves_out_what_small_inputs_do_not_use():
    """``import compare.cli`` (every command's start-up) loads neither the bounded worker nor the
    Word reader nor numpy nor json: each comes with the command or the input that needs it."""
    code = ("import sys, compare.cli; print(sorted(m for m in ('compare.readers.worker', 'compare.readers.docx', "
            "'compare.readers.text', 'numpy', 'lxml', 'shutil', 'signal', 'json') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_reading_a_word_file_leaves_out_what_it_does_not_use(samples):
    """Reading a .docx loads neither the e-mail package (web-archive chunks only), the charset
    detector (a text that is not UTF-8 only) nor pandas: each costs every reading start-up time."""
    code = ("import sys; from compare.readers import read_path; "
            f"read_path({str(samples / 'draft-rev1-2008-11-10.fr.docx')!r}); "
            "print(sorted(m for m in ('email', 'charset_normalizer', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_missing_requirement_is_named_not_reported_as_a_bug(samples):
    """An install without one of the requirements (here the diff library) gets one line naming the
    package and what to do, exit 1 — not "internal error … please report it", nor a traceback."""
    md = str(samples / "draft-rev1-2008-11-10.fr.md")
    code = ("import sys; sys.modules['diff_match_patch'] = None; from compare.cli import main; "
            f"sys.exit(main(['diff', {md!r}, {md!r}]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "error: the Python package 'diff_match_patch' is not installed; install the requirements "
        "(pip install -r requirements.txt)"]


def test_parse_json_contract(samples):
    r = run("parse", str(samples / "draft-rev1-2008-11-10.fr.md"), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["language"] == "fr"
    assert data["title"].startswith("Amélioration de la coordination")
    assert len(data["footnotes"]) == 8
    paras = data["paragraphs"]
    assert {"id", "kind", "number", "text"} <= set(paras[0])
    assert [p["id"] for p in paras if p["kind"] == "OP"] == [f"OP{i}" for i in range(1, 15)]
    assert paras[11] == {**paras[11], "id": "OP1", "kind": "OP", "number": "1"}


def test_parse_table(samples):
    r = run("parse", str(samples / "A-RES-61-180.en.md"))
    assert r.returncode == 0, r.stderr
    assert "A/RES/61/180" in r.stdout and "OP1" in r.stdout and "gap" in r.stdout


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.md"
    empty.write_bytes(b"")
    binary = tmp / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    unsupported = tmp / "draft.rtf"
    unsupported.write_text("{\\rtf1 hello}")
    corrupt = tmp / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip file" * 10)
    notzip = tmp / "notzip.docx"
    notzip.write_text("plain text named docx")
    nodocxml = tmp / "nodoc.docx"
    with zipfile.ZipFile(nodocxml, "w") as z:
        z.writestr("hello.txt", "hi")
    return {
        "missing": (tmp / "missing.md", "no such file"),
        "empty": (empty, "empty"),
        "binary": (binary, "binary"),
        "unsupported": (unsupported, "unsupported file type"),
        "corrupt": (corrupt, "docx"),
        "notzip": (notzip, "docx"),
        "nodocxml": (nodocxml, "docx"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "unsupported", "corrupt", "notzip", "nodocxml"])
def test_bad_input_one_line_exit_2_file_untouched(tmp_path, case):
    path, word = _bad_inputs(tmp_path)[case]
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    r = run("parse", str(path))
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert str(path) in lines[0] and word in lines[0].lower()
    assert "Traceback" not in r.stderr
    after = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    assert before == after


def test_diff_bad_second_file_names_it(tmp_path, samples):
    r = run("diff", str(samples / "draft-rev1-2008-11-10.fr.md"), str(tmp_path / "nope.docx"))
    assert r.returncode == 2 and "nope.docx" in r.stderr and "Traceback" not in r.stderr


def test_diff_json_contract(samples):
    """The `diff --format json` contract as the README documents it: keys, statuses,
    diffs that rebuild both texts, every paragraph accounted for once, lineage rows."""
    files = [samples / "draft-rev1-2008-11-10.fr.md", samples / "draft-rev2-illustrative.fr.md"]
    r = run("diff", *map(str, files), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == 1 and {"versions", "comparisons", "lineage"} <= set(data)
    assert len(data["versions"]) == 2 and len(data["comparisons"]) == 1
    for v in data["versions"]:
        assert {"label", "source", "language", "title", "paragraphs"} <= set(v)
        assert v["language"] == "fr"
        assert all({"id", "kind", "number", "text"} <= set(p) for p in v["paragraphs"])
    texts = [{p["id"]: p["text"] for p in v["paragraphs"]} for v in data["versions"]]
    comp = data["comparisons"][0]
    assert comp["old"] == data["versions"][0]["label"] and comp["new"] == data["versions"][1]["label"]
    assert comp["fragment"] is False and comp["out_of_scope"] == {"old": [], "new": []}
    statuses = {"unchanged", "modified", "inserted", "deleted", "split", "merged"}
    seen_old: list[str] = []
    seen_new: list[str] = []
    for pair in comp["pairs"]:
        assert {"old", "new", "status", "moved", "renumbered", "cross_kind", "similarity", "changed_share",
                "leading_change", "footnote_changes", "cut", "cut_start", "text_changed", "uncertain",
                "leading_words", "restored_from", "diff"} <= set(pair)
        assert pair["restored_from"] is None          # two versions: nothing can be restored
        assert pair["status"] in statuses
        assert pair["leading_change"] is None or len(pair["leading_change"]) == 2
        seen_old += pair["old"]
        seen_new += pair["new"]
        if pair["diff"]:
            assert all(run_[0] in ("equal", "delete", "insert") and (len(run_) == 2 or run_[2] == "minor")
                       for run_ in pair["diff"])
            old_text = "".join(t[1] for t in pair["diff"] if t[0] != "insert")
            new_text = "".join(t[1] for t in pair["diff"] if t[0] != "delete")
            assert old_text == "\n".join(texts[0][i] for i in pair["old"])
            assert new_text == "\n".join(texts[1][i] for i in pair["new"])
    assert sorted(seen_old) == sorted(texts[0]) and sorted(seen_new) == sorted(texts[1])
    summary = comp["summary"]
    assert set(summary) == statuses | {"split_merged_modified", "moved", "renumbered", "leading_changed",
                                       "footnotes_changed", "uncertain"}
    assert sum(summary[s] for s in statuses) == len(comp["pairs"])
    assert summary["modified"] > 0 and summary["moved"] > 0
    for row in data["lineage"]:
        assert len(row) == 2 and any(row)


def test_diff_json_reads_one_record_a_line(samples):
    """`diff --format json` stays readable: the outer objects one key a line, indented, and each
    paragraph, pair and lineage row on a line of its own (written whole by the C encoder)."""
    files = [samples / "draft-rev1-2008-11-10.fr.md", samples / "draft-rev2-illustrative.fr.md"]
    r = run("diff", *map(str, files), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    lines = {ln.strip().rstrip(",") for ln in r.stdout.splitlines()}
    assert '"schema": 1' in lines and '"comparisons": [' in lines
    records = data["versions"][0]["paragraphs"] + data["comparisons"][0]["pairs"] + data["lineage"]
    assert all(json.dumps(rec, ensure_ascii=False) in lines for rec in records)
    assert r.stdout.startswith('{\n  "schema": 1,\n') and r.stdout.endswith("}\n")


def test_a_sponsor_added_is_a_header_change_not_the_same_text(samples, tmp_path):
    """Rev.2 again with France added as a sponsor: JSON reports the sponsor and carries the
    warning stderr prints — same title and paragraphs, the header differs — never "same text"."""
    text = (samples / "draft-rev2-illustrative.fr.md").read_text(encoding="utf-8")
    assert "Bélarus, Équateur," in text
    old, new = tmp_path / "rev2.md", tmp_path / "rev2-france.md"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("Bélarus, Équateur,", "Bélarus, Équateur, France,", 1), encoding="utf-8")
    r = run("diff", str(old), str(new), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["comparisons"][0]["header"]["sponsors"] == {"added": ["France"], "removed": []}
    want = "rev2-france: same title and paragraphs as rev2; only the header differs (sponsors)."
    assert data["warnings"] == [want]
    assert r.stderr.strip() == f"warning: {want}"
    plain = run("diff", str(old), str(new))
    assert "sponsors added: France" in plain.stdout and "same text" not in plain.stderr


def test_the_docx_and_md_of_one_draft_are_told_apart(samples):
    """Review of issue #12: the .docx and the .md of Rev.1 both took the label
    "draft-rev1-2008-11-10.fr", so stderr said "draft-rev1-2008-11-10.fr: same text as
    draft-rev1-2008-11-10.fr." and the comparison read "X → X"; each is now named by its file."""
    docx, md = samples / "draft-rev1-2008-11-10.fr.docx", samples / "draft-rev1-2008-11-10.fr.md"
    r = run("diff", str(docx), str(md), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    want = "draft-rev1-2008-11-10.fr.md: same text as draft-rev1-2008-11-10.fr.docx."
    assert data["warnings"] == [want] and r.stderr.strip() == f"warning: {want}"
    assert [v["label"] for v in data["versions"]] == ["draft-rev1-2008-11-10.fr.docx", "draft-rev1-2008-11-10.fr.md"]
    # labels the user gives are kept, made distinct only when they repeat
    r = run("diff", str(docx), str(md), "--labels", "Rev.1,Rev.1", "--format", "json")
    assert json.loads(r.stdout)["warnings"] == ["Rev.1 (2): same text as Rev.1."]


def test_excerpts_that_do_not_overlap_say_nothing_was_compared(capsys):
    """64/178 and 70/179 (excerpts of different parts): no pair at all — the counts line says why
    instead of being empty, and the counters name statuses as the pairs' lines do ("new")."""
    from compare.cli import main

    samples = Path(__file__).resolve().parent.parent / "samples"
    assert main(["diff", str(samples / "A-RES-64-178.en.md"), str(samples / "A-RES-70-179.en.md")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].strip() == "nothing compared: no paragraph of either text lies within the other's excerpt"
    assert main(["diff", str(samples / "draft-rev1-2008-11-10.fr.md"),
                 str(samples / "draft-rev2-illustrative.fr.md")]) == 0
    counts = capsys.readouterr().out.splitlines()[1]
    assert "new: " in counts and "inserted" not in counts and "leading word changed: " in counts


def test_what_reading_noticed_is_said_by_diff_too(tmp_path, capsys):
    """A version whose OP numbers repeat ("OP9 appears twice; the second is OP9#2") is a warning of
    `parse`; `diff` and its JSON must say it too (named by its version, once), or "OP9#2" is left
    unexplained.  A Word file's running header and footer are no such warning."""
    from compare.cli import main

    samples = Path(__file__).resolve().parent.parent / "samples"
    text = (samples / "draft-rev1-2008-11-10.fr.md").read_text(encoding="utf-8")
    skip = tmp_path / "skip.md"
    skip.write_text(text.replace("\n8. ", "\n9. ", 1), encoding="utf-8")
    assert main(["diff", str(samples / "draft-rev1-2008-11-10.fr.md"), str(skip), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    said = "skip: paragraph number OP9 appears twice; the second is OP9#2"
    assert said in json.loads(out)["warnings"] and err.count(said) == 1
    assert main(["diff", str(samples / "draft-rev1-2008-11-10.fr.docx"), str(samples / "draft-rev2-illustrative.fr.md")]) == 0
    assert "not read as paragraphs" not in capsys.readouterr().err


def test_sub_paragraphs_are_cited_as_negotiators_cite_them(tmp_path, capsys):
    """"OP1 (b)" in every view a reader reads (DOMAIN: "OP5, OP5 (a), OP5 (a) (ii)"); the JSON keeps
    the compact ids ("OP1(b)") that programs join on."""
    from compare.cli import main

    text = ("The General Assembly,\n\nRecalling its resolution 61/180,\n\n1. Calls upon Member States:\n\n"
            "(a) To ratify the Convention;\n\n(b) To adopt national legislation;\n\n"
            "2. Requests the Secretary-General to report.\n")
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("national legislation", "comprehensive national legislation"), encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "OP1 (b) → OP1 (b)" in out and "OP1(b)" not in out
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0
    pairs = json.loads(capsys.readouterr().out)["comparisons"][0]["pairs"]
    assert ["OP1(b)"] in [p["old"] for p in pairs]
    out_docx = tmp_path / "table.csv"
    assert main(["table", str(old), str(new), "-o", str(out_docx)]) == 0
    table = out_docx.read_text(encoding="utf-8-sig")
    assert "OP1 (b)" in table and "OP1(b)" not in table
