"""Every ``sop_*`` configuration value, declared once: default, type, choices and check.

Values are checked once, when the configuration is read; a wrong value is a
warning (``sop.config``) and the default is used meanwhile.  Only a value of
the wrong type is replaced (by its default, the same on every build), so no
code ever meets it; other wrong values stay, and :func:`setting` reads them
as their default.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .core.dates import is_indonesian
from .core.options import DIAGRAMS

logger = logging.getLogger(__name__)

#: Paper sizes of the printed manual (``sop_paper``).
PAPERS = ("a4", "f4")
#: How many months after its last revision an SOP is due for review, by default.
REVIEW_MONTHS = 12


def in_source_folder(srcdir: str | Path, path: str | Path) -> bool:
    """Whether ``path`` (relative to ``srcdir``, or absolute) lies inside the source folder.

    Only files there are published: a logo elsewhere (``../../etc/passwd``)
    is never copied into the site or the PDF.
    """
    return Path(srcdir, path).resolve().is_relative_to(Path(srcdir).resolve())


def _logo_problem(app: Sphinx, logo: str) -> str | None:
    if not logo:
        return None
    if not in_source_folder(app.srcdir, logo):
        return (
            f"sop_logo {logo!r} is outside the source folder, and only files inside it are "
            "published: copy the logo into the documentation's folder (no logo is printed "
            "meanwhile)"
        )
    if not (Path(app.srcdir) / logo).is_file():
        return (
            f"sop_logo {logo!r} is not a file (relative to the source folder): "
            "fix the path or remove the setting (no logo is printed meanwhile)"
        )
    return None


def _labels_problem(app: Sphinx, labels: dict[Any, Any]) -> str | None:
    if all(isinstance(key, str) and isinstance(value, str) for key, value in labels.items()):
        return None
    return "sop_labels must map label texts to texts, as in {'Date created': 'Tanggal Dibuat'}"


def _months_problem(app: Sphinx, months: Any) -> str | None:
    if _is_months(months):
        return None
    return (
        f"sop_review_months must be a whole number of months, 1 or more, not {months!r}: "
        f"{REVIEW_MONTHS} is used meanwhile"
    )


def _is_months(months: Any) -> bool:
    return isinstance(months, int) and not isinstance(months, bool) and months >= 1


#: Git tags that are editions of the handbook, by default: ``edisi-2024``, ``v2.0``.
EDITION_PATTERN = r"^(edisi-|v)"


def _pattern_problem(app: Sphinx, pattern: str) -> str | None:
    try:
        re.compile(pattern)
    except re.error as error:
        return (
            f"sop_edition_pattern {pattern!r} is not a regular expression ({error}): fix it; "
            f"{EDITION_PATTERN!r} is used meanwhile"
        )
    return None


def _is_pattern(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, TypeError):
        return False
    return True


def _editions_problem(app: Sphinx, editions: dict[Any, Any]) -> str | None:
    if _is_edition_map(editions):
        return None
    return (
        "sop_editions must map edition names to git refs, as in {'edisi-2023': 'a1b2c3d'}: "
        "fix it; no edition is taken from it meanwhile"
    )


def _is_edition_map(editions: dict[Any, Any]) -> bool:
    return isinstance(editions, dict) and all(
        isinstance(key, str) and isinstance(value, str) for key, value in editions.items()
    )


@dataclass(frozen=True)
class Setting:
    """One configuration value: its default, the types it takes and how it is checked.

    ``choices`` lists the values allowed; ``problem`` says what is wrong with
    a value, or ``None``; with ``drop_on_problem`` such a value is replaced by
    the default (a logo that must not be published).
    """

    name: str
    default: Any
    types: type | tuple[type, ...]
    choices: tuple[str, ...] = ()
    problem: Callable[[Sphinx, Any], str | None] | None = None
    drop_on_problem: bool = False


SETTINGS = (
    Setting("sop_agency", "", str),
    Setting("sop_unit", "", str),
    Setting("sop_logo", "", str, problem=_logo_problem, drop_on_problem=True),
    Setting("sop_language", "", str),
    Setting("sop_labels", {}, dict, problem=_labels_problem),
    Setting("sop_diagram", "table", str, choices=DIAGRAMS),
    Setting("sop_paper", "a4", str, choices=PAPERS),
    Setting("sop_cover", None, (bool, type(None))),
    Setting("sop_pdf_per_sop", False, bool),
    Setting("sop_pdf_per_sop_cover", False, bool),
    Setting("sop_pdf_folder", "", str),
    Setting("sop_address", "", str),
    Setting("sop_year", "", (str, int)),
    Setting("sop_html_wide_pages", True, bool),
    Setting("sop_html_json", True, bool),
    Setting("sop_review_months", REVIEW_MONTHS, int, problem=_months_problem),
    Setting("sop_warn_review_due", False, bool),
    Setting("sop_edition_pattern", EDITION_PATTERN, str, problem=_pattern_problem),
    Setting("sop_editions", {}, dict, problem=_editions_problem),
    Setting("sop_current_edition", "", str),
    Setting("sop_publish_current", False, bool),
    Setting("sop_site", "", str),
    Setting("sop_edition", "", str),
    Setting("sop_history_cache", "", str),
    Setting("sop_history_repository", "", str),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


def register(app: Sphinx) -> None:
    """Add every ``sop_*`` value and check them once the configuration is read."""
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, "env", setting.types)
    # Before Sphinx's own check of the types (priority 800), which only warns.
    app.connect("config-inited", check_settings, priority=400)


#: How a warning names the values of a type.
TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "True or False",
    dict: "a dictionary",
    type(None): "None",
}


def check_settings(app: Sphinx, config: Config) -> None:
    """Warn about each value that is not one of its choices or fails its check.

    A value of the wrong type is replaced by the default, before Sphinx or
    the extension uses it: the same on every build, so the configuration
    never looks changed between builds.
    """
    for setting in SETTINGS:
        value = getattr(config, setting.name)
        types = setting.types if isinstance(setting.types, tuple) else (setting.types,)
        if not isinstance(value, types):
            kinds = " or ".join(TYPE_NAMES[kind] for kind in types)
            _warn(
                f"{setting.name} must be {kinds}, not {value!r}: "
                f"{setting.default!r} is used meanwhile"
            )
            setattr(config, setting.name, setting.default)
        elif setting.choices and value not in setting.choices:
            *others, last = (repr(option) for option in setting.choices)
            allowed = f"{', '.join(others)} or {last}" if others else last
            _warn(
                f"{setting.name} must be {allowed}, not {value!r}: "
                f"{setting.default!r} is used meanwhile"
            )
        elif setting.problem and (message := setting.problem(app, value)):
            _warn(message)
            if setting.drop_on_problem:
                setattr(config, setting.name, setting.default)


def setting(config: Config, name: str) -> Any:
    """The value of ``name``; its default when the value is not one of its choices."""
    declared = _BY_NAME[name]
    value = getattr(config, name)
    if declared.choices and value not in declared.choices:
        return declared.default
    return value


def review_months(config: Config) -> int:
    """``sop_review_months``; its default when it is not a whole number of months."""
    months = config.sop_review_months
    return months if _is_months(months) else REVIEW_MONTHS


def labels_language(config: Config) -> str:
    """The language of printed labels and dates: ``sop_language``, else ``language``."""
    return config.sop_language or config.language or "en"


def edition_pattern(config: Config) -> str:
    """``sop_edition_pattern``; its default when it is not a regular expression."""
    pattern = config.sop_edition_pattern
    return pattern if _is_pattern(pattern) else EDITION_PATTERN


def named_editions(config: Config) -> dict[str, str]:
    """``sop_editions``; no edition when it does not map names to refs."""
    editions = config.sop_editions
    return dict(editions) if _is_edition_map(editions) else {}


def working_edition(config: Config) -> str:
    """The name of the working edition: ``sop_current_edition``, else "terbaru" or "draft"."""
    if config.sop_current_edition:
        return config.sop_current_edition
    return "terbaru" if is_indonesian(labels_language(config)) else "draft"


def _warn(message: str) -> None:
    logger.warning(message, type="sop", subtype="config")
