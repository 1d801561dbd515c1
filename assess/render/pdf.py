"""HTML → PDF with WeasyPrint. The only module that imports weasyprint.

Resources are fetched through `SandboxFetcher`: `data:` URIs and files inside the allowed
directories (template directories, brand folder) only; no network, nothing else on disk.
WeasyPrint swallows fetch errors raised for images inside inline SVG, so the list of blocked
URLs is checked after rendering too.
"""

from __future__ import annotations

import mimetypes
import warnings
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

with warnings.catch_warnings():
    # WeasyPrint 70 warns at import when libharfbuzz-subset is missing; it then subsets fonts
    # with fontTools, which works (the bundled fonts are pre-subset, so it stays fast).
    warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..errors import RenderError

__all__ = ["SandboxFetcher", "html_to_pdf"]


class SandboxFetcher(URLFetcher):  # type: ignore[misc]
    """data: URIs and file: URLs inside `roots` only; everything else is blocked and recorded."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(
            allowed_protocols={"file", "data"},
            fail_on_errors=True,
            timeout=5,
            allow_redirects=False,
        )
        self.roots = [r.resolve() for r in roots]
        self.blocked: list[str] = []

    def _allowed(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()  # resolves .. and symlinks
        if path.is_file() and any(path.is_relative_to(root) for root in self.roots):
            return path
        return None

    def fetch(self, url: str, headers: Any = None) -> Any:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        path = self._allowed(url) if scheme == "file" else None
        if path is not None:
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), body=path.read_bytes(), headers={"Content-Type": kind}
            )
        self.blocked.append(url)
        raise FatalURLFetchingError(f"blocked resource: {url}")


@cache
def _font_config() -> Any:
    return FontConfiguration()


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "..."


@lru_cache(maxsize=8)
def _stylesheet(css: str, base_url: str, roots: tuple[Path, ...]) -> Any:
    """A parsed stylesheet, kept for the next document with the same one (a batch worker renders
    thousands): parsing it and loading its @font-face fonts costs about 0.1 s each time."""
    fetcher = SandboxFetcher(list(roots))
    try:
        sheet = CSS(string=css, base_url=base_url, url_fetcher=fetcher, font_config=_font_config())
    except FatalURLFetchingError:
        if not fetcher.blocked:
            raise
    if fetcher.blocked:  # raised, or swallowed by WeasyPrint
        raise _BlockedInStylesheet(fetcher.blocked)
    return sheet


class _BlockedInStylesheet(Exception):
    def __init__(self, urls: list[str]) -> None:
        super().__init__(urls)
        self.urls = urls


def html_to_pdf(html: str, base_dir: Path, roots: list[Path], css: str | None = None) -> bytes:
    """Render `html` (with the stylesheet `css`, if given); relative URLs resolve against
    `base_dir`. Any blocked resource fails."""
    fetcher = SandboxFetcher(roots)
    base_url = base_dir.resolve().as_uri() + "/"
    try:
        sheets = [_stylesheet(css, base_url, tuple(roots))] if css is not None else []
        document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        # Fonts stay subset: whole fonts would save ~0.3 s a document but break copied and
        # extracted text (ligature glyphs such as "fi" lose their Unicode mapping).
        pdf: bytes = document.write_pdf(stylesheets=sheets, font_config=_font_config())
    except _BlockedInStylesheet as exc:
        fetcher.blocked.extend(exc.urls)
    except FatalURLFetchingError as exc:
        if not fetcher.blocked:  # e.g. a malformed data: URI
            raise RenderError.said("r_pdf_failed", detail=str(exc)) from None
    except Exception as exc:  # WeasyPrint raises many kinds; the CLI needs one
        if not fetcher.blocked:
            raise RenderError.said("r_pdf_failed", detail=f"{type(exc).__name__}: {exc}") from exc
    if fetcher.blocked:
        urls = ", ".join(_short(u) for u in fetcher.blocked[:5])
        raise RenderError.said("r_blocked", n=len(fetcher.blocked), urls=urls)
    return pdf
