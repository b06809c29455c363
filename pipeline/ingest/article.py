"""Main-content extraction: reduce a downloaded HTML page to its article.

The page is parsed into a small element tree with the standard library's ``html.parser``.
Page chrome is removed by generic signals: tags (nav, aside, header, footer, forms,
scripts, iframes), ARIA roles (navigation, banner, contentinfo, dialog...), hidden elements,
and class or id names made only of chrome words (``comments``, ``disqus_thread``,
``cookie-banner``, ``social-share``), never by per-site rules. An element that holds the
article (an ``<h1>``, ``<main>`` or a non-chrome ``<article>``) is never removed, so a page
wrapped in one big ``<form>`` or a post tagged ``tag-comments`` survives.

The content root is then the largest ``<article>`` when it holds most of the remaining
text, else ``<main>`` (or role=main), else ``<body>``. The result is a minimal HTML document:
a ``<title>``, then headings, paragraphs, lists, tables, quotes and code, which ``html.py``
turns into structured lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from typing import Iterator, Union
from urllib.parse import urljoin

VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
NOISE_TAGS = frozenset(
    """head script style noscript template svg canvas iframe frame frameset object embed video audio
    picture img map button input select textarea option link meta""".split()
)
CHROME_TAGS = frozenset("nav aside header footer form dialog menu".split())
CHROME_ROLES = frozenset("navigation banner contentinfo complementary search dialog alertdialog menu menubar toolbar".split())
# Only containers are judged by class/id: headings often carry slug ids ("related-work").
NAMED_TAGS = frozenset("div section aside ul ol dl header footer article span nav form figure".split())
CHROME_WORDS = frozenset(
    """comment comments commentlist commentform disqus respond reply replies cookie cookies consent
    gdpr share shares sharing sharebar social sharedaddy addthis sharethis related recommended
    newsletter subscribe subscription signup promo advert advertisement advertising ad ads sponsor
    sponsored sidebar breadcrumb breadcrumbs pagination pager nav navbar navigation menu footer
    masthead popup modal""".split()
)
# A name is chrome only if every other word is filler: "related-posts" is, "related-work" is not.
FILLER_WORDS = frozenset(
    """section area box container wrapper wrap list widget widgets bar banner buttons button links
    link block panel thread notice posts articles form icons tools content inner outer holder top
    bottom site page post entry article js wp global primary secondary module overlay title heading
    header count slot unit""".split()
)
KEEP_TAGS = frozenset(
    """h1 h2 h3 h4 h5 h6 p ul ol li dl dt dd table caption thead tbody tfoot tr th td blockquote pre
    code figure figcaption hr br em strong b i sub sup a""".split()
)
# Block containers become plain divs so their text keeps its own line in html.py.
DIV_TAGS = frozenset("div section article main header address details summary hgroup center body fieldset".split())
LAYOUT_TAGS = frozenset("ul ol dl table thead tbody tfoot tr".split())
INLINE_TAGS = frozenset("code em strong b i sub sup a".split())
P_CLOSERS = frozenset(
    """p div section article aside header footer nav main ul ol dl li dt dd table h1 h2 h3 h4 h5 h6
    blockquote pre form figure hr address details fieldset menu""".split()
)
IMPLIED_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # opening tag -> (open tags it closes, tags that bound the search)
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "thead": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
}
P_SCOPE = frozenset("table td th caption button body html #document".split())
MIN_ARTICLE_SHARE = 0.5


@dataclass(eq=False)
class Element:
    """One parsed element: tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str]
    parent: Element | None = field(default=None, repr=False)
    children: list[Union[Element, str]] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class Article:
    """The extracted article: its title, a minimal HTML document, and its text length."""

    title: str | None
    html: str
    text_length: int


class _TreeBuilder(HTMLParser):
    """Builds an Element tree, closing the end tags HTML lets authors omit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in P_CLOSERS:
            self._close("p", P_SCOPE)
        if tag in IMPLIED_ENDS:
            self._close(*IMPLIED_ENDS[tag])
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return  # an end tag with no open element is ignored, as browsers do

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close(self, names: str | frozenset[str], scope: frozenset[str]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[depth].tag
            if tag in names:
                del self.stack[depth:]
                return
            if tag in scope:
                return


def walk(element: Element) -> Iterator[Element]:
    """``element`` and its descendants, in document order (no recursion: pages nest deeply)."""
    stack = [element]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(child for child in reversed(current.children) if isinstance(child, Element))


def text_of(element: Element) -> str:
    """The element's text with whitespace collapsed."""
    parts = [c for e in walk(element) for c in e.children if isinstance(c, str)]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def chrome_name(name: str) -> bool:
    """Whether one class name or id is made of chrome words (and filler) only."""
    words = [w for w in re.split(r"[^a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1-\2", name).lower()) if w]
    return any(w in CHROME_WORDS for w in words) and all(
        w in CHROME_WORDS or w in FILLER_WORDS or w.isdigit() for w in words
    )


def _is_anchor(element: Element) -> bool:
    """An element that marks where the article is."""
    if element.tag in ("h1", "main") or element.attrs.get("role", "").lower() == "main":
        return True
    return element.tag == "article" and not _named_chrome(element)


def _named_chrome(element: Element) -> bool:
    names = element.attrs.get("class", "").split() + [element.attrs.get("id", "")]
    return any(chrome_name(name) for name in names if name)


def _hidden(element: Element) -> bool:
    style = element.attrs.get("style", "").replace(" ", "").lower()
    return (
        "hidden" in element.attrs
        or element.attrs.get("aria-hidden", "").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _is_chrome(element: Element) -> bool:
    if element.tag in ("html", "body"):
        return False  # e.g. a body hidden until scripts run is still the page
    if element.tag in CHROME_TAGS or element.attrs.get("role", "").lower() in CHROME_ROLES:
        return True
    return _hidden(element) or (element.tag in NAMED_TAGS and _named_chrome(element))


def prune(document: Element) -> None:
    """Remove noise and chrome in place, keeping every element that holds the article."""
    protected: set[int] = set()
    for element in walk(document):
        if _is_anchor(element):
            ancestor: Element | None = element
            while ancestor is not None and id(ancestor) not in protected:
                protected.add(id(ancestor))
                ancestor = ancestor.parent
    for element in walk(document):
        element.children = [
            child
            for child in element.children
            if not isinstance(child, Element)
            or not (child.tag in NOISE_TAGS or (id(child) not in protected and _is_chrome(child)))
        ]


def content_root(body: Element) -> Element:
    """The largest <article> when it holds most of the text, else <main>, else the body."""
    articles = [e for e in walk(body) if e.tag == "article"]
    best = max(articles, key=lambda e: len(text_of(e)), default=None)
    if best is not None and len(text_of(best)) >= MIN_ARTICLE_SHARE * len(text_of(body)):
        return best
    mains = [e for e in walk(body) if e.tag == "main" or e.attrs.get("role", "").lower() == "main"]
    return max(mains, key=lambda e: len(text_of(e)), default=body)


def choose_title(page_title: str | None, heading: str | None) -> str | None:
    """The <h1> when the <title> merely adds a site name to it, else the <title>."""
    if heading and (not page_title or heading.casefold() in page_title.casefold()):
        return heading[:300]
    return (page_title or heading or "")[:300] or None


def _first(root: Element, tag: str) -> Element | None:
    return next((e for e in walk(root) if e.tag == tag), None)


def extract_article(html: str, base_url: str) -> Article:
    """The article of an HTML page as a minimal HTML document; links are made absolute."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    document = builder.root
    title_element = _first(document, "title")
    page_title = text_of(title_element) if title_element is not None else None
    prune(document)
    root = content_root(_first(document, "body") or document)
    heading = _first(root, "h1") or _first(document, "h1")
    title = choose_title(page_title or None, text_of(heading) if heading is not None else None)
    head = '<meta charset="utf-8">\n' + (f"<title>{escape(title)}</title>\n" if title else "")
    page = f"<!DOCTYPE html>\n<html>\n<head>\n{head}</head>\n<body>\n{render(root, base_url)}</body>\n</html>\n"
    return Article(title, page, len(text_of(root)))


def _has_text(document: Element) -> set[int]:
    """Ids of the elements with some non-blank text inside (one bottom-up pass)."""
    found: set[int] = set()
    for element in reversed(list(walk(document))):
        if any(id(c) in found if isinstance(c, Element) else c.strip() for c in element.children):
            found.add(id(element))
    return found


def _open_tag(element: Element, base_url: str) -> str:
    if element.tag == "a":
        href = element.attrs.get("href", "").strip()
        if href and not href.lower().startswith(("javascript:", "#")):
            return f'<a href="{escape(urljoin(base_url, href))}">'
        return "<a>"
    spans = "".join(
        f' {name}="{element.attrs[name]}"' for name in ("colspan", "rowspan") if element.attrs.get(name, "").isdigit()
    )
    return f"<{element.tag}{spans}>"


def render(root: Element, base_url: str) -> str:
    """The children of ``root`` as minimal HTML: kept tags bare, containers as divs, the rest unwrapped."""
    with_text = _has_text(root)
    parts: list[str] = []
    todo: list[Union[Element, str, tuple[str]]] = list(reversed(root.children))
    in_pre = 0
    while todo:
        node = todo.pop()
        if isinstance(node, tuple):  # a closing tag queued after its element's children
            parts.append(node[0])
            in_pre -= node[0].startswith("</pre>")
            continue
        if isinstance(node, str):
            parts.append(escape(node if in_pre else re.sub(r"\s+", " ", node), quote=False))
            continue
        tag = "div" if node.tag in DIV_TAGS else node.tag
        if tag in ("br", "hr"):
            parts.append(f"<{tag}>")
            continue
        if id(node) not in with_text and tag not in ("td", "th"):
            continue
        if tag in KEEP_TAGS or tag == "div":
            parts.append(_open_tag(node, base_url) if tag == node.tag else "<div>")
            in_pre += tag == "pre"
            # A line break after each block keeps the stored file readable; never inside <pre>.
            same_line = tag in INLINE_TAGS or tag in ("td", "th") or in_pre > (tag == "pre")
            todo.append((f"</{tag}>" if same_line else f"</{tag}>\n",))
        # Whitespace between list items or table cells is layout, not text.
        children = [c for c in node.children if isinstance(c, Element) or c.strip() or tag not in LAYOUT_TAGS]
        todo.extend(reversed(children))
    return "".join(parts)
