"""Hostile xlsx files answer quickly with a clean problem and leave an earlier output intact (issue 16)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import fuzzkit
import pytest
from fuzzkit import TIME_LIMIT, before_sheet_data_end, edit_sheet

pytestmark = pytest.mark.slow


@pytest.fixture
def cli():
    return fuzzkit.run_cli


@pytest.fixture(scope="module")
def blank_card(tmp_path_factory) -> bytes:
    return fuzzkit.blank_card(tmp_path_factory.mktemp("card"))


@pytest.fixture(scope="module")
def blank_round(tmp_path_factory) -> bytes:
    return fuzzkit.blank_round(tmp_path_factory.mktemp("round"))


EARLIER = b"earlier output"


def _check(r, out, *needles: str) -> None:
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    for needle in needles:
        assert needle in r.stderr + r.stdout, r.stderr  # under --format json problems are a JSON list
    assert r.seconds < TIME_LIMIT, r.seconds
    assert out.read_bytes() == EARLIER


def _out(tmp_path):
    out = tmp_path / "results.json"
    out.write_bytes(EARLIER)
    return out


def test_card_with_a_cell_at_the_far_corner(cli, tmp_path, blank_card):
    card = tmp_path / "card.xlsx"
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    card.write_bytes(edit_sheet(blank_card, "Оценка", lambda xml: before_sheet_data_end(xml, far)))
    out = _out(tmp_path)
    r = cli("evaluate", card, "--format", "json", "-o", out)
    _check(r, out, "card.xlsx:Оценка!")  # the blank card's own problems; the far cell is outside the layout


def test_round_workbook_with_a_cell_at_the_last_row(cli, tmp_path, blank_round):
    book = tmp_path / "round.xlsx"
    far = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    book.write_bytes(edit_sheet(blank_round, "Раунд", lambda xml: before_sheet_data_end(xml, far)))
    out = _out(tmp_path)
    r = cli("evaluate", "--round", book, "-o", out)
    _check(r, out, "round.xlsx:Раунд!A1048576", "1048576")


def test_round_workbook_with_a_million_junk_rows(cli, tmp_path, blank_round):
    book = tmp_path / "junk.xlsx"

    def junk(xml: bytes) -> Iterator[bytes]:
        head, tail = xml.split(b"</sheetData>", 1)
        yield head
        for start in range(203, 1_000_203, 10_000):
            yield b"".join(b'<row r="%d"><c r="A%d"><v>7</v></c></row>' % (i, i) for i in range(start, start + 10_000))
        yield b"</sheetData>" + tail

    book.write_bytes(edit_sheet(blank_round, "Раунд", junk))
    assert book.stat().st_size < 5 * 1024 * 1024
    out = _out(tmp_path)
    r = cli("evaluate", "--round", book, "-o", out)
    _check(r, out, "junk.xlsx:Раунд!A")


def test_round_workbook_with_a_million_empty_rows(cli, tmp_path, blank_round):
    book = tmp_path / "empty.xlsx"

    def empty(xml: bytes) -> Iterator[bytes]:
        head, tail = xml.split(b"</sheetData>", 1)
        yield head
        for start in range(203, 1_000_203, 10_000):
            yield b"".join(b'<row r="%d"/>' % i for i in range(start, start + 10_000))
        yield b"</sheetData>" + tail

    book.write_bytes(edit_sheet(blank_round, "Раунд", empty))
    out = _out(tmp_path)
    r = cli("evaluate", "--round", book, "-o", out)
    _check(r, out)


def test_zip_bomb_sheet_is_refused_before_unpacking(cli, tmp_path, blank_round):
    book = tmp_path / "bomb.xlsx"
    chunk = b"<row><c><v>1</v></c></row>" * 40_000  # about 1 MB

    def bomb(xml: bytes) -> Iterator[bytes]:
        head, tail = xml.split(b"</sheetData>", 1)
        yield head
        for _ in range(400):  # 400 MB unpacked, a few hundred KB packed
            yield chunk
        yield b"</sheetData>" + tail

    book.write_bytes(edit_sheet(blank_round, "Раунд", bomb))
    assert book.stat().st_size < 5 * 1024 * 1024
    assert zlib  # packed with deflate by zipfile
    out = _out(tmp_path)
    r = cli("evaluate", "--round", book, "-o", out)
    _check(r, out, "bomb.xlsx", "МБ")
