"""Removing scraped boilerplate from article text before it is stored and searched for quotes.

Scrapers and "save page" keep the words of the page's chrome along with the article: the
controls of an embedded video player, share prompts, "Powered by …" footers, and image captions
that appear twice (once as alt text, once as the caption). The rules are general — they match
whole lines by shape, never a particular outlet — so they are safe on text that has none of it:
a line is dropped only when nothing but boilerplate is on it.
"""

from __future__ import annotations

import re

# Whole lines (after trimming) that are the controls or read-outs of a web video player.
_PLAYER = (
    r"loaded:?\s*\d{1,3}(\.\d+)?\s*%",
    r"progress:?\s*\d{1,3}(\.\d+)?\s*%",
    r"(current|duration|remaining)\s*time\s*-?\s*\d{1,2}(:\d{2}){1,2}",
    r"-?\d{1,2}(:\d{2}){1,2}",  # a lone timestamp such as 0:01 or 1:02:03
    r"/",
    r"(full\s?screen|non-fullscreen|exit full\s?screen|unmute|mute|pause|play|replay)",
    r"expand\s*close|expand|close",
    r"video playing bottom right\W*",
    r"click here to expand to full page",
    r"stream type live|seek to live, currently (behind|playing) live|live",
    r"this is a modal window\.?",
    r"beginning of dialog window\..*",
    r"end of dialog window\.?",
    r"(captions|subtitles|descriptions|chapters)( (settings|off))?(, selected)?",
    r"playback rate|\d(\.\d+)?x",
    r"scroll down for video",
    r"advertisement",
)

# Whole lines that invite the reader to share, or credit the software that built the page.
_CHROME = (
    r"share this (article|story|page|video)\b.*",
    r"share (on|via) (facebook|twitter|x|whatsapp|email|linkedin|pinterest|reddit)",
    r"(facebook|twitter|whatsapp|email|linkedin|pinterest|reddit|print)"
    r"( (facebook|twitter|whatsapp|email|linkedin|pinterest|reddit|print))*",
    # "Powered by Blogger." — short, so a sentence that starts the same way is kept.
    r"powered by\s+\S.{0,60}",
)

_DROP = re.compile(r"(?:" + "|".join(_PLAYER + _CHROME) + r")", re.IGNORECASE)
_TRIM = " \t\r\n\u00a0\u200b\ufeff"
# A first test on a line as it comes, its line end and the trimmed characters included: one
# regex call per line instead of a strip and a call. It finds every line is_boilerplate does
# (no rule starts with a trimmed character); the few it finds are then checked by is_boilerplate,
# since a rule ending in a repeat could take a trimmed character as its last.
_DROP_LINE = re.compile(
    rf"[{_TRIM}]*(?:" + "|".join(_PLAYER + _CHROME) + rf")[{_TRIM}]*", re.IGNORECASE
)
_BLANK_RUN = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+")


def is_boilerplate(line: str) -> bool:
    stripped = line.strip(_TRIM)
    return bool(stripped) and _DROP.fullmatch(stripped) is not None


def clean_text(text: str) -> str:
    """The text without boilerplate lines and with each immediately repeated line kept once.

    Kept lines are returned exactly as they were (their spaces and line ends untouched), so a
    clean text has no surprises for someone comparing it with the source.
    """
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    previous = ""  # the last kept line, stripped; "" after a blank line
    boilerplate = _DROP_LINE.fullmatch
    for line in lines:
        if boilerplate(line) and is_boilerplate(line):
            continue
        stripped = line.strip()
        # Two lines are the same once their white space is folded; comparing their first and
        # last characters, then words, first spares folding nearly every line of the text.
        if (
            stripped
            and previous
            and stripped[0] == previous[0]
            and stripped[-1] == previous[-1]
            and stripped.split(None, 1)[0] == previous.split(None, 1)[0]
            and stripped.rsplit(None, 1)[-1] == previous.rsplit(None, 1)[-1]
            and stripped.split() == previous.split()
        ):
            continue  # an image caption printed twice in a row
        # A blank line ends the run: a repeat across a paragraph break is the writer's own.
        previous = stripped
        out.append(line)
    # Most texts lose nothing: then they need no joining, and a text that already has no
    # runs of blank lines and no white space at its ends is returned as it is.
    cleaned = text if len(out) == len(lines) else "".join(out)
    if "\n\n" in cleaned or "\n " in cleaned or "\n\t" in cleaned or "\n\u00a0" in cleaned:
        cleaned = _BLANK_RUN.sub("\n\n", cleaned)
    end = "\n" if text.endswith("\n") else ""
    if (
        end
        and cleaned.endswith("\n")
        and not cleaned[:1].isspace()
        and not cleaned[-2:-1].isspace()
    ):
        return cleaned
    return cleaned.strip() + end
