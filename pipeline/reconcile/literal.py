"""The literal text a lexicon phrase cannot match without: a cheap test before the regex.

Reading a claim tries every capability phrase of the lexicon on its text. Most phrases
start with plain words ("TensorFlow Serving", "deploy\\w*\\s+…"), so a claim whose folded
text lacks those words cannot match and its regex need not run. The literal is only ever
a necessary condition: a phrase that does not start with plain text (a group, an
alternation, a character class) gets no literal and is always tried.
"""

from __future__ import annotations

import string

# Pattern characters that stand for themselves and are ASCII (so folding is exact).
_PLAIN = frozenset(string.ascii_letters + string.digits + " _-'\"/:,;%&@#<>=!~`")
# Escapes of ASCII punctuation, which match the punctuation itself.
_ESCAPED_PLAIN = frozenset(".-+()[]{}|^$*?\\/ '\"#&~")
# A quantifier that allows zero repetitions makes the character before it optional.
_OPTIONAL = frozenset("?*{")
# Non-ASCII characters that a case-insensitive pattern lets match an ASCII letter
# (dotted and dotless i, long s, Kelvin sign); folded to that letter before testing.
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased the way a case-insensitive pattern compares ASCII letters."""
    return text.translate(_TO_ASCII).lower()


def _has_top_level_alternation(phrase: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for char in phrase:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def required_literal(phrase: str) -> str:
    """The folded plain text every match of ``phrase`` starts with ("" when there is none)."""
    if _has_top_level_alternation(phrase):
        return ""
    literal: list[str] = []
    index = 0
    while index < len(phrase):
        char = phrase[index]
        if char == "\\" and phrase[index + 1 : index + 2] in _ESCAPED_PLAIN and index + 1 < len(phrase):
            literal.append(phrase[index + 1])
            index += 2
        elif char in _PLAIN:
            literal.append(char)
            index += 1
        else:
            if char in _OPTIONAL and literal:
                literal.pop()
            break
    return "".join(literal).lower()
