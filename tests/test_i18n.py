"""Message catalogs: every message id in the code is in the English catalog and translated,
the compiled .mo matches the .po, and numbers follow the language."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from accountpath import i18n

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "accountpath"
PO = PKG / "locale" / "en" / "LC_MESSAGES" / "accountpath.po"
MO = PO.with_suffix(".mo")
FIX = "run `make catalogs`, translate the new entries in the .po, run `make catalogs` again"


def _catalog():
    with PO.open("rb") as fh:
        return read_po(fh, locale="en", domain="accountpath")


def _ids_in_code() -> set[str]:
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(PKG), [("**.py", "python")]):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def test_every_message_of_the_code_is_translated():
    catalog = _catalog()
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(_ids_in_code() - translated)
    assert not missing, f"messages without an English translation ({FIX}):\n  " + "\n  ".join(missing)


def test_compiled_catalog_is_up_to_date():
    buf = io.BytesIO()
    write_mo(buf, _catalog())
    assert MO.read_bytes() == buf.getvalue(), f"{MO.name} is older than {PO.name}: {FIX}"


def test_language_switch_and_decimal_comma():
    assert i18n.set_language("en") == "en"
    assert i18n._("Нанимать") == "Hire" and i18n.decimal(3.67) == "3.67"
    assert i18n.set_language("ru") == "ru"
    assert i18n._("Нанимать") == "Нанимать" and i18n.decimal(3.67) == "3,67" and i18n.decimal(-0.5) == "-0,5"
    assert i18n.decimal(2) == "2" and i18n.decimal(None) == "—"
    assert i18n.set_language("de") == "ru"  # unknown: the default


def test_language_from_the_locale():
    assert i18n.language_from_env({"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.language_from_env({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}) == "ru"
    assert i18n.language_from_env({"LC_ALL": "C.UTF-8"}) == "ru"
    assert i18n.language_from_env({}) == "ru"
