"""Password and duress-word hashing."""

from __future__ import annotations

from console.domain.secrets import hash_secret, hash_spoken_word, verify_secret, verify_spoken_word


def test_secret_hash_is_salted_and_verifies() -> None:
    first, second = hash_secret("m0t-de-passe"), hash_secret("m0t-de-passe")
    assert first != second and "m0t-de-passe" not in first
    assert verify_secret("m0t-de-passe", first) and verify_secret("m0t-de-passe", second)
    assert not verify_secret("mot-de-passe", first)


def test_spoken_words_ignore_case_accents_and_blanks() -> None:
    stored = hash_spoken_word("Éléphant")
    assert verify_spoken_word(" elephant ", stored)
    assert verify_spoken_word("ÉLÉPHANT", stored)
    assert not verify_spoken_word("elephants", stored)


def test_missing_or_malformed_hash_never_verifies() -> None:
    assert not verify_secret("x", None)
    assert not verify_secret("x", "")
    assert not verify_secret("x", "md5$abc")
