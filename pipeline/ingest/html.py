"""HTML to text that keeps the article's structure as lines.

Headings, paragraphs, list items and table rows each become their own line; table cells are
separated by " | " so a table stays readable and detectable. Scripts, styles, navigation,
and forms are dropped. Offsets of claims point into the text this module returns.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "tr", "table", "thead", "tbody", "blockquote", "pre", "br", "hr", "figure", "figcaption", "dt", "dd",
}
SKIP_TAGS = {"script", "style", "noscript", "nav", "form", "svg", "iframe", "template", "button"}
BULLET = "  • "


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.prefix = ""

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.lines.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skip_depth += 1
            return
        if tag in BLOCK_TAGS:
            self._flush()
        if tag == "li":
            self.prefix = BULLET
        elif tag in ("td", "th") and self.current:
            self.current.append(" | ")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.lines:
            self.lines.append("")  # a heading stands apart, as in the text articles

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in BLOCK_TAGS:
            self._flush()
            if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"):
                self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """Convert an HTML document to structured plain text."""
    builder = _TextBuilder()
    builder.feed(html)
    builder.close()
    builder._flush()
    text = "\n".join(builder.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
