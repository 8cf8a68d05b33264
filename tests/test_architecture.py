"""The package's layers: what may import what, and one home for each kind of thing.

The layers follow the pipeline read → model → validate → store → lay out →
write.  A layer imports only layers of a lower rank; the format writers
(HTML, LaTeX, plain text) never import one another.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import sphinxcontrib_sop

PACKAGE = Path(sphinxcontrib_sop.__file__).parent
DOCS = Path(__file__).parent.parent / "docs"

#: Each layer's rank: a module may import from layers of a lower rank only.
RANKS = {
    "core": 0,
    "layout": 1,
    "config": 1,
    "vcs": 1,
    "i18n": 2,
    "domain": 3,
    "editions": 3,
    "doctree": 4,
    "directives": 5,
    "writers": 5,
    "history": 5,
    "site": 6,
}
#: Writers of one output format each; they share only writers.dot (Graphviz).
FORMAT_WRITERS = {"writers.html", "writers.latex", "writers.plain", "writers.sopjson"}
SHARED_WRITERS = {"writers.dot"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> set[str]:
    """The project modules (and names) that ``source``, the text of ``module``, imports."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            names = [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
            found.update(names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "sphinxcontrib_sop"}


def layer(module: str) -> str:
    """``core``, ``doctree``, … or ``writers.html`` for a module of a writer package."""
    parts = module.split(".")[1:]
    if not parts or parts[0] == "__version__":  # the package itself, or its version
        return "package"
    if parts[0] == "writers" and len(parts) > 1:
        return f"writers.{parts[1]}"
    return parts[0]


def rank(name: str) -> int:
    return RANKS[name.split(".")[0]]


def violations(module: str, imports: set[str]) -> list[str]:
    """What is wrong with ``module`` importing ``imports``."""
    own = layer(module)
    if own == "package" or own == "writers":  # setup() and the writers' registry
        return []
    problems = []
    for target in sorted(imports):
        other = layer(target)
        if other == own or other == "package":
            continue
        if own.startswith("writers.") and other.startswith("writers."):
            if other in FORMAT_WRITERS or own in SHARED_WRITERS:
                problems.append(f"{module} (a {own} writer) imports {target}")
        elif rank(other) >= rank(own):
            problems.append(f"{module} ({own}) imports {target} ({other}), not a lower layer")
    return problems


def project_modules() -> list[tuple[str, Path]]:
    return sorted((module_name(path), path) for path in PACKAGE.rglob("*.py"))


def test_every_layer_is_ranked():
    layers = {layer(module) for module, _ in project_modules()} - {"package", "writers"}
    assert {name.split(".")[0] for name in layers} == set(RANKS)
    assert {name for name in layers if name.startswith("writers.")} == (
        FORMAT_WRITERS | SHARED_WRITERS
    )


def test_layers_import_only_lower_layers():
    found = []
    for module, path in project_modules():
        imports = imported_modules(
            path.read_text(encoding="utf-8"), module, path.stem == "__init__"
        )
        found += violations(module, imports)
    assert found == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("sphinxcontrib_sop.core.model", "from ..layout.grid import Row", "imports"),
        ("sphinxcontrib_sop.layout.grid", "from ..doctree.nodes import x", "imports"),
        ("sphinxcontrib_sop.directives.sop", "from ..writers.html import svg", "imports"),
        ("sphinxcontrib_sop.directives.sop", "import sphinxcontrib_sop.writers.dot", "imports"),
        ("sphinxcontrib_sop.domain", "from .doctree import nodes", "imports"),
        ("sphinxcontrib_sop.i18n.labels", "from ..domain import get_domain", "imports"),
        ("sphinxcontrib_sop.writers.html.svg", "from ..latex.flowchart import x", "writer"),
        ("sphinxcontrib_sop.writers.latex.flowchart", "from ..plain import x", "writer"),
        ("sphinxcontrib_sop.writers.dot.source", "from ..html import x", "writer"),
        ("sphinxcontrib_sop.writers.html.svg", "from ..dot.render import x", None),
        ("sphinxcontrib_sop.writers.html.svg", "from ...layout.bands import x", None),
        ("sphinxcontrib_sop.doctree.nodes", "from ..domain import get_domain", None),
    ],
)
def test_the_check_catches_an_upward_import(module, source, expected):
    found = violations(module, imported_modules(source, module, is_package=False))
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1
        assert expected in found[0]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parent,
    )


def test_core_and_layout_import_without_sphinx_or_docutils():
    result = run_python(
        """
        import importlib, pkgutil, sys

        class Blocked:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {"sphinx", "docutils"}:
                    raise ImportError(f"blocked: {name}")

        sys.meta_path.insert(0, Blocked())
        import sphinxcontrib_sop.core, sphinxcontrib_sop.layout
        for package in (sphinxcontrib_sop.core, sphinxcontrib_sop.layout):
            for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)
                print(info.name)
        try:  # the block works: a layer that needs docutils cannot be imported
            importlib.import_module("sphinxcontrib_sop.doctree.nodes")
        except ImportError as error:
            print("blocked", error)
        """
    )
    assert result.returncode == 0, result.stderr
    imported = result.stdout.split()
    assert "sphinxcontrib_sop.core.model" in imported
    assert "sphinxcontrib_sop.layout.bands" in imported
    assert "blocked: docutils" in result.stdout


def test_every_module_imports_on_its_own():
    """No import cycle: each module imports first, in a fresh package."""
    modules = [module for module, _ in project_modules()]
    result = run_python(
        f"""
        import importlib, sys
        import sphinx.application  # already loaded, like in a build
        for name in {modules!r}:
            for loaded in [key for key in sys.modules if key.startswith("sphinxcontrib_sop")]:
                del sys.modules[loaded]
            importlib.import_module(name)
        print("ok")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def calls_of(method: str) -> list[str]:
    """The modules that call ``<something>.<method>(...)``."""
    return sorted(
        module
        for module, path in project_modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
    )


def test_configuration_values_are_declared_in_one_place():
    from sphinxcontrib_sop.config import SETTINGS

    assert calls_of("add_config_value") == ["sphinxcontrib_sop.config"]
    guide = (DOCS / "guide" / "configuration.rst").read_text(encoding="utf-8")
    documented = set(re.findall(r"^   \* - ``(sop_\w+)``", guide, flags=re.M))
    assert documented == {setting.name for setting in SETTINGS}


def test_node_classes_live_in_one_module_and_are_registered_once():
    from docutils import nodes

    from sphinxcontrib_sop.doctree import nodes as sop_nodes

    defined = {
        name
        for name, value in vars(sop_nodes).items()
        if isinstance(value, type) and issubclass(value, nodes.Node) and name.startswith("sop_")
    }
    assert defined == {node_class.__name__ for node_class in sop_nodes.NODES}
    elsewhere = [
        f"{module}.{node.name}"
        for module, path in project_modules()
        if module != "sphinxcontrib_sop.doctree.nodes"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.name.startswith("sop_")
    ]
    assert elsewhere == []
    assert calls_of("add_node") == ["sphinxcontrib_sop.writers"]
