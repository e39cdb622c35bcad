"""Boilerplate removal: general rules, tried on a copy of the sample's Daily Mail article."""

from __future__ import annotations

from pathlib import Path

from model.importing.cleaning import clean_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def test_daily_mail_loses_player_controls_footer_and_doubled_captions():
    raw = (FIXTURES / "dailymail_sample.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    lines = [line.strip() for line in cleaned.splitlines()]
    for chrome in ("Loaded: 0%", "Progress: 0%", "Current Time0:01", "Duration Time0:46",
                   "Fullscreen", "Unmute", "Pause", "ExpandClose", "/", "0:01",
                   "Video playing bottom right...", "Click here to expand to full page",
                   "Powered by Blogger."):
        assert chrome not in lines, chrome
    caption = ("This image shows rail cars outside of the facility as if ready to transport "
               "something and two erected cranes, fueling suspicions that North Korea is "
               "preparing for a potential launch")
    assert raw.count(caption) == 2
    assert cleaned.count(caption) == 1
    # The article itself is untouched: title, quotes, every sentence.
    assert lines[0].startswith("Activity at a SECOND North Korean missile site")
    assert "'According to Planet imagery, I can definitely say the train has left the station." \
        in cleaned
    assert cleaned.count("\n") < raw.count("\n") - 15


def test_sentences_that_merely_start_like_boilerplate_are_kept():
    text = (
        "Powered by a surge in exports, the economy grew faster than any forecaster expected "
        "in the last quarter of the year.\n"
        "Pause\n"
        "She said the vote would pause for an hour.\n"
        "Share this article\n"
        "Share prices fell 3%.\n"
        "\n"
        "The same paragraph.\n"
        "\n"
        "The same paragraph.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.startswith("Powered by a surge in exports")
    assert "She said the vote would pause for an hour." in cleaned
    assert "Share prices fell 3%." in cleaned
    assert "Share this article" not in cleaned
    assert "\nPause\n" not in cleaned
    # Repeats with a paragraph break between them are the writer's, not a caption's.
    assert cleaned.count("The same paragraph.") == 2


def test_text_without_boilerplate_comes_back_unchanged():
    text = "A title\n\n“We will see,” she said.\nHe replied: “Soon.”\n"
    assert clean_text(text) == text


def _reference_clean(text: str) -> str:
    """The rules as first written, line by line, to hold the quicker version to them."""
    import re

    from model.importing.cleaning import is_boilerplate

    out: list[str] = []
    previous = ""
    for line in text.splitlines(keepends=True):
        if is_boilerplate(line):
            continue
        stripped = line.strip()
        if stripped and previous and stripped.split() == previous.split():
            continue
        previous = stripped
        out.append(line)
    cleaned = re.sub(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+", "\n\n", "".join(out))
    return cleaned.strip() + ("\n" if text.endswith("\n") else "")


def test_every_mix_of_boilerplate_repeats_and_line_ends_cleans_as_the_rules_say():
    import random

    pieces = ["Pause", " ", "  ", "\t", "\n", "\r\n", "\r", "\x0b", "\u2028", "\x1c", "\u00a0",
              "\u200b", "\ufeff", "Powered by", " Blogger.", "Share this article", "Loaded: 0%",
              "0:01", "/", "word", "Word two", "“Quote,” he said.", "Caption one",
              "Caption  one", "\n\n", "\n \n", "Advertisement", "2x", "Live", "ſhare this page"]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert clean_text(text) == _reference_clean(text), repr(text)
    # A rule ending in a repeat must not take a trimmed character as its last.
    assert clean_text("Powered by \u200b\nBody\n") == "Powered by \u200b\nBody\n"
