"""Main-content extraction: chrome goes, the article stays, whatever the page's markup."""

from __future__ import annotations

import pytest

from pipeline.ingest.article import chrome_name, extract_article
from pipeline.ingest.html import html_to_text


@pytest.mark.parametrize(
    ("page", "kept", "dropped"),
    [
        ('<form id="aspnetForm"><h1>T</h1><p>JAX runs on TPUs.</p><nav>Menu</nav></form>', "JAX runs on TPUs.", "Menu"),
        ('<article class="post tag-comments category-social"><p>Keras 3 is multi-backend.</p></article>', "multi-backend", None),
        ('<main><p>Kept text here.</p><div aria-hidden="true">Hidden</div><div hidden>Gone</div></main>', "Kept text", "Hidden"),
        ('<div role="dialog">We value your privacy</div><p>Body text.</p>', "Body text.", "privacy"),
        ("<p>one<p>two<ul><li>a<li>b</ul><table><tr><td>x<td>y<tr><td>1<td>2</table>", "two\n\n  • a\n  • b\n\nx | y\n1 | 2",
         None),
        ("<div>" * 3000 + "<p>Deep text.</p>" + "</div>" * 3000, "Deep text.", None),
        ("<article><p>Teaser.</p></article><div><p>" + "The real article body. " * 20 + "</p></div>", "The real article body.",
         None),
    ],
    ids=["form-wrapper", "taxonomy-classes", "hidden", "role-dialog", "implied-ends", "deep-nesting", "teaser-article"],
)
def test_extraction_rules(page: str, kept: str, dropped: str | None) -> None:
    text = html_to_text(extract_article(f"<html><body>{page}</body></html>", "https://example.org/").html)
    assert kept in text
    assert dropped is None or dropped not in text


def test_links_become_absolute_and_attributes_go() -> None:
    page = '<p class="x" style="y"><a href="/docs?a=1&amp;b=2" onclick="z()">docs</a></p>'
    html = extract_article(page, "https://ex.org/a/b").html
    assert '<p><a href="https://ex.org/docs?a=1&amp;b=2">docs</a></p>' in html


@pytest.mark.parametrize(
    ("name", "chrome"),
    [
        ("comments", True), ("comment-respond", True), ("disqus_thread", True), ("cookie-banner", True),
        ("socialShareButtons", True), ("related-posts", True), ("site-footer", True), ("comment-123", True),
        ("related-work", False), ("social-impact", False), ("tag-comments", False), ("entry-content", False),
        ("has-sidebar", False), ("commentary", False),
    ],
)
def test_chrome_names_are_made_of_chrome_words_only(name: str, chrome: bool) -> None:
    assert chrome_name(name) is chrome


def test_the_h1_names_the_page_without_the_site_suffix() -> None:
    article = extract_article("<title>Keras 3 | Blog</title><h1>Keras 3</h1><p>Text.</p>", "https://ex.org/")
    assert article.title == "Keras 3" and "<title>Keras 3</title>" in article.html
    assert extract_article("<title>Only a title</title><p>Text.</p>", "https://ex.org/").title == "Only a title"
