"""pytest collects every module inside one ``warnings.catch_warnings``: a filter that importing a
module adds (Python-Markdown's tests call ``warnings.simplefilter("error")`` at import) applies to
the modules collected after it, and is gone once the tests run. Each collection here (a file, a
file another worker owns, the conftests loaded ahead) is a context of its own, so what one left
is carried into the next: the filters it added in front or behind, or its whole list when it
removed some (``warnings.resetwarnings()``)."""

from __future__ import annotations

import contextlib
import warnings
from typing import Iterator, List, Optional


class CarriedFilters:
    def __init__(self) -> None:
        self._front: List[tuple] = []
        self._back: List[tuple] = []
        self._whole: Optional[List[tuple]] = None
        self._began: Optional[List[tuple]] = None

    @contextlib.contextmanager
    def around(self) -> Iterator[None]:
        """Inside a collection's fresh warnings context: what the earlier ones left, then kept."""
        self.resume()
        try:
            yield
        finally:
            self.keep()

    def resume(self) -> None:
        """Adds what the earlier collections left to the filters this context installed."""
        if self._whole is not None:
            began = list(self._whole)
        else:
            began = self._front + list(warnings.filters) + self._back
        if self._whole is not None or self._front or self._back:
            warnings.filters = list(began)  # type: ignore[misc]
            warnings._filters_mutated()  # type: ignore[attr-defined]
        self._began = began

    def keep(self) -> None:
        """Before the context ends: remembers what this collection changed."""
        began, self._began = self._began, None
        now = list(warnings.filters)
        if began is None or now == began:
            return
        added = len(now) - len(began)
        if self._whole is not None:
            self._whole = now
        elif added > 0 and now[added:] == began:
            self._front = now[:added] + self._front
        elif added > 0 and now[:len(began)] == began:
            self._back = self._back + now[len(began):]
        else:
            self._whole = now


# One for the worker: a module the native engine imported and one the pytest engine then collects
# (auto's fallback) are collected in the same pytest session.
CARRIED = CarriedFilters()
