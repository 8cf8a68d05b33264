"""The user guide tells the truth.

Its quick start works when followed literally; every warning it shows is worded as the
code words it, and every warning the code gives is shown; each example of a mistake gives
exactly the warnings shown; the HTML classes, custom properties, CSS examples, labels and
text output it describes are those the extension writes; statements it once made that
are no longer true stay out.
"""

from __future__ import annotations

import ast
import functools
import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, fields
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from sphinxcontrib_sop.core.editions import Edition, Site
from sphinxcontrib_sop.core.problems import Problem
from sphinxcontrib_sop.i18n.labels import MESSAGES

GUIDE = Path(__file__).parent.parent / "docs" / "guide"
PACKAGE = Path(__file__).parent.parent / "sphinxcontrib_sop"
STYLESHEET = PACKAGE / "writers" / "html" / "static" / "sphinxcontrib-sop.css"
BIN = Path(sys.executable).parent


def code_blocks(page: str, language: str) -> list[str]:
    """The text of each ``.. code-block:: <language>`` of a guide page, in order."""
    text = page_text(page)
    blocks = []
    pattern = rf"^\.\. code-block:: {language}\n\n((?:   .*\n|\n)+)"
    for match in re.finditer(pattern, text, flags=re.M):
        lines = match[1].rstrip("\n").splitlines()
        blocks.append("\n".join(line[3:] for line in lines) + "\n")
    return blocks


def commands(block: str) -> list[list[str]]:
    """The shell commands of a console block (``$ …`` lines), without comments."""
    return [
        shlex.split(line[2:], comments=True) for line in block.splitlines() if line.startswith("$ ")
    ]


def page_text(page: str) -> str:
    return (GUIDE / page).read_text(encoding="utf-8")


def guide_pages() -> list[str]:
    return [path.name for path in sorted(GUIDE.glob("*.rst"))]


@dataclass(frozen=True)
class Block:
    """A ``code-block`` of a guide page: its language, text and first line in the page."""

    page: str
    language: str
    text: str
    line: int
    end: int


def blocks(page: str) -> list[Block]:
    """Every ``.. code-block::`` of a guide page, however indented; options skipped."""
    text = page_text(page)
    pattern = (
        r"^(?P<indent> *)\.\. code-block:: (?P<language>\w+)\n"
        r"(?:(?P=indent)   :[\w-]+:.*\n)*\n(?P<body>(?:(?P=indent)   .*\n|\n)+)"
    )
    found = []
    for match in re.finditer(pattern, text, flags=re.M):
        lines = match["body"].rstrip("\n").splitlines()
        cut = len(match["indent"]) + 3
        found.append(
            Block(
                page,
                match["language"],
                "\n".join(line[cut:] for line in lines) + "\n",
                text.count("\n", 0, match.start()) + 1,
                match.end(),
            )
        )
    return found


def test_virtual_environments_are_made_outside_the_project():
    """Sphinx reads every file of the project folder: a venv there would become pages."""
    for page in ("quickstart.rst", "installation.rst"):
        inside_project = False
        for block in code_blocks(page, "console"):
            for command in commands(block):
                if command[:2] == ["mkdir", "buku-sop"] or command[:2] == ["cd", "buku-sop"]:
                    inside_project = True
                if command[1:3] == ["-m", "venv"]:
                    where = command[3]
                    assert where.startswith(("~", "/")) or not inside_project, (page, command)


def test_install_commands_work_before_the_package_is_published():
    """Until it is on PyPI, installing means a clone or a git URL."""
    installs = [
        command
        for page in ("quickstart.rst", "installation.rst")
        for block in code_blocks(page, "console")
        for command in commands(block)
        if command[:2] == ["pip", "install"]
    ]
    packages = [argument for command in installs for argument in command[2:]]
    ours = [argument for argument in packages if "sphinxcontrib-sop" in argument]
    assert ours
    assert all(" @ git+" in argument or argument.startswith("./") for argument in ours), ours


def test_quick_start_builds_without_warnings(tmp_path: Path):
    """Steps 1 to 4 of the quick start, literally (the installs are this test's environment)."""
    setup, *_ = code_blocks("quickstart.rst", "console")
    (quickstart,) = [command for command in commands(setup) if command[0] == "sphinx-quickstart"]
    project = tmp_path / "buku-sop"
    project.mkdir()
    run([str(BIN / quickstart[0]), *quickstart[1:]], cwd=project)

    (settings,) = code_blocks("quickstart.rst", "python")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + settings)
    sop, toctree, *_ = code_blocks("quickstart.rst", "rst")
    (project / "sop").mkdir()
    (project / "sop" / "ruang-rapat.rst").write_text(sop, encoding="utf-8")
    with (project / "index.rst").open("a", encoding="utf-8") as index:
        index.write("\n" + toctree)

    (build,) = [
        command
        for block in code_blocks("quickstart.rst", "console")
        for command in commands(block)
        if command[0] == "sphinx-build"
    ]
    result = run([str(BIN / build[0]), "-W", *build[1:]], cwd=project)
    assert "WARNING" not in result.stderr
    page = BeautifulSoup(
        (project / "_build" / "html" / "sop" / "ruang-rapat.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert page.select_one("table.sop-identity") is not None
    assert len(page.select("table.sop-flowchart tbody tr[data-step]")) == 4


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"{shlex.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result


# -- every warning the guide shows is the one the code gives -------------------------

#: A valid SOP, the page of the examples that show a setting in ``conf.py``.
VALID_SOP = """\
.. sop:: Penerimaan Surat Masuk
   :id: um-01

   ==  ===================  =========  =======
   No  Kegiatan             Pelaksana  Alur
   ==  ===================  =========  =======
   1   Menerima surat       Staf TU
   2   Mengagendakan surat  Staf TU    Selesai
   ==  ===================  =========  =======
"""
#: An invisible character the guide shows by a symbol (``␈``), and the character itself.
SHOWN_CONTROLS = str.maketrans({"\N{SYMBOL FOR BACKSPACE}": "\b"})
#: A warning line as the guide prints it: location, message, type.
WARNING_LINE = re.compile(r"(?:(?P<location>\S*): )?WARNING: (?P<message>.*) \[(?P<type>[\w.]+)\]")


def warning_examples() -> list[tuple[Block, Block]]:
    """Each example of a mistake (rST, Markdown or ``conf.py``) and the warnings shown for it."""
    pairs = []
    for page in ("warnings.rst", "decree.rst"):
        text = page_text(page)
        found = blocks(page)
        for source, shown in itertools.pairwise(found):
            between = text[source.end : text.index(".. code-block::", source.end)]
            if (
                source.language in ("rst", "markdown", "python")
                and shown.language == "text"
                and not between.strip()
                and "WARNING" in shown.text + source.text
            ):
                pairs.append((source, shown))
    return pairs


def documented_warnings(pages: tuple[str, ...]) -> list[tuple[str, str]]:
    """(message, type) of every warning of the extension shown in ``text`` blocks of ``pages``.

    Sphinx's and docutils' own messages (``[ref.any]``, ``[image.not_readable]``, errors)
    are left out.
    """
    shown = []
    for page in pages:
        for block in blocks(page):
            if block.language != "text":
                continue
            for line in block.text.splitlines():
                match = WARNING_LINE.fullmatch(line.strip())
                if match and re.fullmatch(
                    r"sop(\.\w+)?|ref\.(ref|related|superseded)", match["type"]
                ):
                    shown.append((match["message"], match["type"]))
    return shown


WARNING_EXAMPLES = warning_examples()


@pytest.mark.parametrize(
    ("source", "shown"),
    WARNING_EXAMPLES,
    ids=[f"{source.page}:{source.line}" for source, _ in WARNING_EXAMPLES],
)
def test_each_mistake_gives_the_warnings_shown(tmp_path: Path, source: Block, shown: Block):
    """The examples of warnings.rst (and the decree page), built: exactly the lines shown."""
    project = tmp_path / "src"
    (project / "sop").mkdir(parents=True)
    conf = 'extensions = ["myst_parser", "sphinxcontrib_sop"]\n'
    conf += 'suppress_warnings = ["toc.not_included"]\n'
    (project / "index.rst").write_text("Index\n=====\n", encoding="utf-8")
    pages = re.findall(r"^(\S+?\.(?:rst|md)):", shown.text, flags=re.M)
    page = pages[0] if pages else "sop/surat-masuk.rst"
    if source.language == "python":
        conf += source.text
        text = VALID_SOP
    else:
        text = source.text.translate(SHOWN_CONTROLS)
    (project / page).parent.mkdir(parents=True, exist_ok=True)
    (project / page).write_text(text, encoding="utf-8")
    (project / "conf.py").write_text(conf, encoding="utf-8")
    _, warned = build_html(project)
    printed = strip_colors(warned).replace(f"{project}{os.sep}", "")
    # Sphinx 7.4 cannot suppress its warning about a page outside every toctree.
    printed = re.sub(r"(?m)^.*: WARNING: document isn't included in any toctree\n", "", printed)
    assert printed.strip() == shown.text.strip()


def test_documented_warnings_are_worded_as_the_code_words_them():
    """Every warning shown in the guide is one the code can give, word for word."""
    templates = warning_templates()
    pages = tuple(guide_pages())
    unknown = [
        (message, kind)
        for message, kind in documented_warnings(pages)
        if not any(
            kind == template.kind and re.fullmatch(template.pattern, message)
            for template in templates
        )
    ]
    assert not unknown, "\n".join(f"{message} [{kind}]" for message, kind in unknown)


def test_every_warning_of_the_code_is_documented():
    """Every warning the code can give has an example in warnings.rst."""
    shown = documented_warnings(("warnings.rst",))
    templates, unread = warning_reading()
    # The reading of the source follows every warning, and finds each type the code gives.
    assert not unread, unread
    assert all(template.pattern.replace(ANYTHING, "").strip() for template in templates)
    assert {template.kind for template in templates} == {
        "sop.table",
        "sop.flow",
        "sop.actors",
        "sop.date",
        "sop.option",
        "sop.text",
        "sop.duplicate",
        "sop.status",
        "sop.review",
        "sop.config",
        "sop.edition",
        "sop.graphviz",
        "sop.registry",
        "sop.form",
        "sop.history",
        "ref.ref",
        "ref.related",
        "ref.superseded",
    }
    missing = [
        template
        for template in templates
        if not any(
            kind == template.kind and re.fullmatch(template.pattern, message)
            for message, kind in shown
        )
    ]
    assert not missing, "\n".join(f"{t.pattern} [{t.kind}] ({t.where})" for t in missing)


@dataclass(frozen=True)
class Template:
    """A warning the code can give: its message as a pattern, its type, where it is written."""

    pattern: str
    kind: str
    where: str


#: A ``%`` placeholder of a logging message (``%s``, ``%r``, ``%(target)r``).
PERCENT_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sr]")
ANYTHING = ".+?"


class _Source:
    """The package's modules, read with ``ast``, to list the warnings they can give.

    A warning is given through a *sink*: ``Problem(message, line, subtype)``, or a
    ``logger.warning(message, …, type=…, subtype=…)`` call — directly or through a
    function that passes one of its parameters on as that message (``_warn``).
    A message is a string, an f-string, a ``%`` format or a concatenation; names in
    it are followed to module constants, local assignments, imports, the functions
    that return a message, and the exception bound by ``except X as name``.
    """

    def __init__(self) -> None:
        self.modules = {
            path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")
        }
        self.functions: dict[str, list[ast.FunctionDef]] = {}
        self.constants: dict[str, list[ast.expr]] = {}
        for tree in self.modules.values():
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    self.functions.setdefault(node.name, []).append(node)
                elif isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            self.constants.setdefault(target.id, []).append(node.value)
                        elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                            for name, value in zip(target.elts, node.value.elts, strict=True):
                                if isinstance(name, ast.Name):
                                    self.constants.setdefault(name.id, []).append(value)
        self.parents = {
            child: parent
            for tree in self.modules.values()
            for parent in ast.walk(tree)
            for child in ast.iter_child_nodes(parent)
        }

    def enclosing_function(self, node: ast.AST) -> ast.FunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def texts(self, expression: ast.expr, context: ast.AST, seen: frozenset = frozenset()):
        """The patterns ``expression`` can evaluate to, or ``None`` when unknown."""
        if isinstance(expression, ast.Constant):
            if not isinstance(expression.value, str):
                return None
            parts = PERCENT_PLACEHOLDER.split(expression.value)
            return [ANYTHING.join(re.escape(part) for part in parts)]
        if isinstance(expression, ast.JoinedStr):
            patterns = [""]
            for value in expression.values:
                if isinstance(value, ast.Constant):
                    options = [re.escape(value.value)]
                else:
                    inner = None
                    if value.conversion == -1:
                        inner = self.texts(value.value, context, seen)
                    options = inner or [ANYTHING]
                patterns = [left + right for left in patterns for right in options]
            return patterns
        if isinstance(expression, ast.BinOp) and isinstance(expression.op, ast.Add):
            left = self.texts(expression.left, context, seen)
            right = self.texts(expression.right, context, seen)
            if left is None or right is None:
                return None
            return [a + b for a in left for b in right]
        if isinstance(expression, ast.BinOp) and isinstance(expression.op, ast.Mod):
            return self.texts(expression.left, context, seen)
        if isinstance(expression, ast.IfExp):
            body = self.texts(expression.body, context, seen)
            orelse = self.texts(expression.orelse, context, seen)
            return None if body is None or orelse is None else body + orelse
        if isinstance(expression, ast.Name):
            return self.name(expression.id, context, seen)
        if isinstance(expression, ast.Call) and isinstance(expression.func, ast.Name):
            return self.returned(expression.func.id, seen)
        if isinstance(expression, ast.Call) and isinstance(expression.func, ast.Attribute):
            # A function kept in a field, as ``setting.problem(…)`` of a
            # ``Setting(…, problem=check)``: the functions given for that field.
            found = [
                self.returned(value.id, seen)
                for call in self.all_calls()
                if isinstance(value := _keyword(call, expression.func.attr), ast.Name)
            ]
            if found and None not in found:
                return [pattern for patterns in found for pattern in patterns]
        return None

    def name(self, name: str, context: ast.AST, seen: frozenset):
        if name in seen:
            return None
        seen = seen | {name}
        function = self.enclosing_function(context)
        if function is not None:
            values = [
                node.value
                for node in ast.walk(function)
                if isinstance(node, ast.Assign | ast.NamedExpr)
                and any(
                    isinstance(target, ast.Name) and target.id == name
                    for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                )
            ]
            if values:
                found = [self.texts(value, value, seen) for value in values]
                return None if None in found else [p for patterns in found for p in patterns]
            for handler in ast.walk(function):
                if isinstance(handler, ast.ExceptHandler) and handler.name == name:
                    return self.raised(ast.unparse(handler.type))
        if name in self.constants:
            found = [self.texts(value, value, seen) for value in self.constants[name]]
            return None if None in found else [p for patterns in found for p in patterns]
        return None

    def returned(self, function_name: str, seen: frozenset):
        """The messages a package function returns (``None`` returns left out)."""
        if function_name not in self.functions or function_name in seen:
            return None
        seen = seen | {function_name}
        patterns = []
        for function in self.functions[function_name]:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None:
                    if isinstance(node.value, ast.Constant) and node.value.value is None:
                        continue
                    found = self.texts(node.value, node, seen)
                    if found is None:
                        return None
                    patterns += found
        return patterns or None

    def raised(self, exception: str):
        """The messages an exception class is raised with in the package."""
        patterns = []
        for call in self.calls(exception):
            if call.args:
                patterns += self.texts(call.args[0], call) or []
        return patterns or None

    def all_calls(self) -> list[ast.Call]:
        return [
            node
            for tree in self.modules.values()
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
        ]

    def calls(self, function_name: str) -> list[ast.Call]:
        """The calls of ``function_name``, as a name or as a method."""
        return [
            call
            for call in self.all_calls()
            if (isinstance(call.func, ast.Name) and call.func.id == function_name)
            or (isinstance(call.func, ast.Attribute) and call.func.attr == function_name)
        ]


def _constant(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) else None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)


def _logger_warnings(source: _Source) -> list[ast.Call]:
    return [
        call
        for call in source.calls("warning")
        if isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "logger"
    ]


def _kind(call: ast.Call) -> str:
    """``type.subtype`` of a ``logger.warning`` call."""
    return f"{_constant(_keyword(call, 'type'))}.{_constant(_keyword(call, 'subtype'))}"


@functools.cache
def warning_reading() -> tuple[tuple[Template, ...], tuple[str, ...]]:
    """Every warning message the package can give, with its type (``sop.flow`` …).

    Also the places where a warning is given with a message this reading cannot follow,
    so that a new kind of warning cannot slip past the tests.
    """
    source = _Source()
    problem_default = next(f.default for f in fields(Problem) if f.name == "subtype")
    # Sinks: (function, position of the message argument, warning type; None when the
    # call names it, as Problem(message, line, subtype) does).
    sinks: list[tuple[str, int, str | None]] = [("Problem", 0, None)]
    relayed: set[ast.Call] = set()
    for call in _logger_warnings(source):
        function = source.enclosing_function(call)
        parameters = [argument.arg for argument in function.args.args] if function else []
        message = call.args[0] if call.args else None
        if isinstance(message, ast.Name) and message.id in parameters:
            sinks.append((function.name, parameters.index(message.id), _kind(call)))
            relayed.add(call)
        elif ast.unparse(message) == "problem.message":
            relayed.add(call)  # the directives' report of their Problems
    templates: list[Template] = []
    unread: list[str] = []

    def note(call: ast.Call, message: ast.expr, kind: str) -> None:
        function = source.enclosing_function(call)
        where = function.name if function else "module"
        patterns = source.texts(message, call)
        if patterns is None:
            unread.append(f"{where}: {ast.unparse(call)}")
            return
        templates.extend(Template(pattern, kind, where) for pattern in patterns)

    def problem_kind(call: ast.Call) -> str:
        subtype = _constant(call.args[2]) if len(call.args) > 2 else None
        return f"sop.{subtype or _constant(_keyword(call, 'subtype')) or problem_default}"

    for name, position, kind in sinks:
        for call in source.calls(name):
            if isinstance(call.func, ast.Name) and len(call.args) > position:
                note(call, call.args[position], kind or problem_kind(call))
    for call in _logger_warnings(source):
        if call not in relayed:
            note(call, call.args[0], _kind(call))
    # Unresolved cross-references: the domain's ``dangling_warnings``, by role.
    for tree in source.modules.values():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and any(getattr(t, "id", None) == "dangling_warnings" for t in node.targets)
                and isinstance(node.value, ast.Dict)
            ):
                for key, value in zip(node.value.keys, node.value.values, strict=True):
                    (role,) = source.texts(key, node) or [None]
                    for pattern in source.texts(value, node) or []:
                        templates.append(Template(pattern, f"ref.{role}", "dangling_warnings"))
    return tuple(dict.fromkeys(templates)), tuple(unread)


def warning_templates() -> tuple[Template, ...]:
    return warning_reading()[0]


# -- the HTML the guide describes is the HTML the extension writes --------------------


def list_table(page: str, first_header: str) -> str:
    """The text of the ``list-table`` of ``page`` whose first column is headed ``first_header``."""
    text = page_text(page)
    pattern = rf"^\.\. list-table::.*\n(?:   :.*\n)*\n   \* - {re.escape(first_header)}\n(?:(?:   .*)?\n)+"
    match = re.search(pattern, text, flags=re.M)
    assert match, f"no list-table headed {first_header!r} in {page}"
    return match[0]


def stylesheet_declarations() -> dict[str, str]:
    """Each custom property of the stylesheet and its first value (the screen's)."""
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.S)
    declared: dict[str, str] = {}
    for name, value in re.findall(r"(--sop-[a-z-]+)\s*:\s*([^;]+);", css):
        declared.setdefault(name, " ".join(value.split()))
    for name in re.findall(r"var\((--sop-[a-z-]+)", css):
        declared.setdefault(name, "")  # set by the extension on an element
    return declared


def test_custom_properties_documented_are_the_stylesheets():
    """output.rst lists every custom property of the stylesheet, none more, with its default."""
    table = list_table("output.rst", "Property")
    rows = re.split(r"^   \* - ", table, flags=re.M)[2:]
    documented = {re.match(r"``(--sop-[a-z-]+)``", row)[1]: row for row in rows}
    declared = stylesheet_declarations()
    assert set(documented) == set(declared)
    for name, value in declared.items():
        # Colours and lengths of the default are written in the row (``#444``, ``1.5px``).
        for token in re.findall(r"#[0-9a-fA-F]{3,6}\b|\b\d+(?:\.\d+)?(?:px|%)", value):
            assert token in documented[name], (name, token)
    everywhere = set(re.findall(r"--sop-[a-z-]+", "".join(map(page_text, guide_pages()))))
    assert everywhere <= set(declared), everywhere - set(declared)


#: A project with an SOP of every kind of content the HTML classes describe.
STYLED_PROJECT = {
    "conf.py": 'extensions = ["sphinxcontrib_sop"]\nlanguage = "id"\nsop_logo = "logo.png"\n'
    'sop_pdf_folder = "."\n',
    # The PDF of the first SOP, which its page links (sop_pdf_folder).
    "sop-gaya-1.pdf": "%PDF-1.4",
    "index.rst": """\
Styles
======

.. sop:: Peminjaman Ruang Rapat
   :id: gaya-1
   :agency: Pemerintah Kabupaten Contoh
   :unit: Bagian Umum
   :created: 2024-03-04
   :approved-by: Sekretaris Daerah
   :approver-name: Nama Pejabat
   :approver-rank: Pembina (IV/a)
   :approver-nip: 196801011990031002
   :legal-basis: Peraturan Menteri PAN-RB Nomor 35 Tahun 2012
   :change-note: Jadwal diperiksa sebelum peminjaman dicatat

   .. list-table:: Langkah kegiatan
      :header-rows: 1

      * - No
        - Kegiatan
        - Pelaksana
        - Kelengkapan
        - Waktu
        - Output
        - Alur
        - Keterangan
      * - 1
        - Mengajukan permohonan
        - Pegawai
        - Formulir
        - 5 menit
        - Formulir terisi
        -
        - Catatan
      * - 2
        - Memeriksa jadwal
        - Pengelola
        - Buku jadwal
        - 5 menit
        - Jadwal diperiksa
        - Ya: 3, Tidak: 1
        -
      * - 3
        - Mencatat peminjaman
        - Pengelola
        - Buku jadwal
        - 5 menit
        - Peminjaman tercatat
        -
        -
      * - 4
        - Menyerahkan kunci
        - Pengelola
        - Buku jadwal
        - 5 menit
        - Kunci diserahkan
        - Selesai
        -

.. sop:: Penggandaan Dokumen
   :id: gaya-2
   :diagram: graphviz
   :related: gaya-1
   :status: draft

   ==  =================  =========  ===============
   No  Kegiatan           Pelaksana  Alur
   ==  =================  =========  ===============
   1   Meminta salinan    Pemohon
   2   Memeriksa berkas   Petugas    Ya: 3, Tidak: 1
   3   Menggandakan       Petugas    Selesai
   ==  =================  =========  ===============

.. sop:: Penggandaan Dokumen Lama
   :id: gaya-3
   :status: dicabut

   ==  =================  =========
   No  Kegiatan           Pelaksana
   ==  =================  =========
   1   Meminta salinan    Pemohon
   2   Menggandakan       Petugas
   ==  =================  =========

.. sop:: Peminjaman Ruang Rapat Lama
   :id: gaya-4
   :superseded-by: gaya-1

   ==  =================  =========
   No  Kegiatan           Pelaksana
   ==  =================  =========
   1   Meminta ruang      Pegawai
   2   Mencatat           Pengelola
   ==  =================  =========

.. sop-monitoring:: gaya-1
   :class: gaya-formulir

.. sop-evaluation:: gaya-3

.. sop-decree:: Penetapan SOP
   :nomor: 800/1/2024
   :tanggal: 2024-01-31
   :tempat: Palembang
   :jabatan: Kepala Bappeda
   :nama: Nama Pejabat
   :nip: 197203151998031004

   Isi keputusan.
""",
}


@pytest.fixture(scope="module")
def styled_page(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    project = tmp_path_factory.mktemp("styled") / "src"
    project.mkdir()
    for name, text in STYLED_PROJECT.items():
        (project / name).write_text(text, encoding="utf-8")
    logo = Path(__file__).parent.parent / "docs" / "_static" / "logo.png"
    (project / "logo.png").write_bytes(logo.read_bytes())
    app, warned = build_html(project)
    assert "WARNING" not in warned, warned
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


#: A site of three editions, each a single page.
EDITIONS_SITE = Site(
    tuple(
        Edition(name, name, "a" * 40, working=name == "draft", pages=frozenset({"index"}))
        for name in ("draft", "edisi-2024", "edisi-2023")
    ),
    current="",
)


@pytest.fixture(scope="module")
def edition_pages(tmp_path_factory: pytest.TempPathFactory) -> list[BeautifulSoup]:
    """A page of an old edition of a site, and of its working edition."""
    pages = []
    for edition in ("edisi-2023", "draft"):
        project = tmp_path_factory.mktemp(edition) / "src"
        project.mkdir()
        (project / "conf.py").write_text(
            'extensions = ["sphinxcontrib_sop"]\nlanguage = "id"\n'
            f'sop_site = "versions.json"\nsop_edition = "{edition}"\n'
            # Made-up editions: no history to read (see conftest.build_edition).
            'suppress_warnings = ["sop.history"]\n',
            encoding="utf-8",
        )
        (project / "index.rst").write_text("Edisi\n=====\n", encoding="utf-8")
        (project / "versions.json").write_text(EDITIONS_SITE.to_json(), encoding="utf-8")
        app, warned = build_html(project)
        assert "WARNING" not in warned, warned
        pages.append(
            BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
        )
    return pages


def documented_classes() -> set[str]:
    """The classes named in the class tables of output.rst, flowchart.rst, forms.rst and
    decree.rst."""
    texts = [
        list_table("output.rst", "Class"),
        list_table("flowchart.rst", "Selector"),
        list_table("forms.rst", "Class"),
        re.search(r"In HTML the decree is .*?for your own CSS\.", page_text("decree.rst"), re.S)[0],
    ]
    found = set()
    for text in texts:
        for literal in re.findall(r"``([^`]+)``", text):
            found.update(re.findall(r"(?:^|[.\s])(sop(?:-[a-z0-9]+)*)(?![\w-])", literal))
    return found


def test_documented_classes_are_in_the_html(
    styled_page: BeautifulSoup, edition_pages: list[BeautifulSoup]
):
    """Every class the guide's class tables name is written by the HTML builder."""
    written = {
        name
        for page in (styled_page, *edition_pages)
        for element in page.find_all(True)
        for name in element.get("class", [])
    }
    if shutil.which("dot") is None:
        written |= {"sop-graphviz", "sop-graphviz-scroll"}  # drawn only with Graphviz
    assert documented_classes() - written == set()


def test_css_examples_select_elements_of_the_html(styled_page: BeautifulSoup):
    """Each rule of the guide's CSS examples styles part of an SOP with the official flowchart."""
    official = BeautifulSoup(str(styled_page.select_one("#sop-gaya-1")), "html.parser")
    selectors = []
    for page in guide_pages():
        for block in blocks(page):
            if block.language != "css":
                continue
            css = re.sub(r"/\*.*?\*/", "", block.text, flags=re.S)
            for rule in re.findall(r"([^{}]+)\{[^{}]*\}", css):
                for selector in rule.split(","):
                    selector = " ".join(selector.split())
                    if selector and not selector.startswith(("@", ":root")):
                        selectors.append((page, selector))
    assert selectors
    unused = [(page, s) for page, s in selectors if not official.select(s)]
    assert not unused, unused


def test_every_label_can_be_changed_as_documented():
    """The sop_labels table of configuration.rst lists every label the extension prints."""
    table = list_table("configuration.rst", "Key (English label)")
    keys = set(re.findall(r"^   \* - ``([^`]+)``$", table, flags=re.M))
    assert keys == set(MESSAGES)


# -- the text output shown is the text builder's ------------------------------------------


@pytest.fixture(scope="module")
def quick_start_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The quick-start SOP with ``:diagram: both``, as the text builder writes it."""
    project = tmp_path_factory.mktemp("text") / "src"
    (project / "sop").mkdir(parents=True)
    (settings,) = code_blocks("quickstart.rst", "python")
    (project / "conf.py").write_text(settings.replace('"myst_parser", ', ""), encoding="utf-8")
    sop, toctree, *_ = code_blocks("quickstart.rst", "rst")
    sop = sop.replace("   :id: setda-um-01\n", "   :id: setda-um-01\n   :diagram: both\n")
    (project / "sop" / "ruang-rapat.rst").write_text(sop, encoding="utf-8")
    (project / "index.rst").write_text("Buku\n====\n\n" + toctree, encoding="utf-8")
    app = SphinxTestApp("text", srcdir=project, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return (app.outdir / "sop" / "ruang-rapat.txt").read_text(encoding="utf-8")


def test_text_output_shown_is_the_text_builders(quick_start_text: str):
    """output.rst's text excerpts are cut from what the text builder writes."""
    shown = [block.text for block in blocks("output.rst") if block.language == "text"]
    (steps,) = [text for text in shown if text.startswith("+------+")]
    written = quick_start_text.splitlines()
    excerpt = steps.rstrip("\n").splitlines()
    starts = [number for number, line in enumerate(written) if line.startswith(excerpt[0])]
    assert starts, excerpt[0]
    for offset, line in enumerate(excerpt):  # each shown line begins the written one
        assert written[starts[0] + offset].startswith(line), (offset, line)
    descriptions = [text for text in shown if text.startswith("Diagram Alir:")]
    assert descriptions, "output.rst shows no Graphviz description in text"
    for description in descriptions:
        assert description.strip() in quick_start_text


# -- statements the guide once made that are no longer true ---------------------------

STALE = [
    "drawn flowchart is planned",
    "until the drawn flowchart is available",
    "for totals planned in a later release",
    "not set by the extension yet",
    "Sphinx writes a placeholder",
    "a man-page build fails with",
    "Both tables are ordinary tables",
    "On the printed sheet the *Alur* column",
    "The prose is shown between the identity table and the steps table",
    "LaTeX (PDF), text, man pages and every other builder write the steps as a table",
    "In the *No* column write plain numbers",
    "a cell holding only ``-``: it becomes an empty bullet list",
    "Unlike reStructuredText, a cell may hold just",
    "there are no other translations yet",
    "Option values are plain text: markup is printed as written",
    "The value is case-insensitive",
    ".sop table.sop-steps td.sop-decision",
    "the extension does not add the times up into a total",
]


def test_stale_statements_are_gone():
    root = GUIDE.parent.parent
    texts = {
        str(path.relative_to(root)): " ".join(path.read_text(encoding="utf-8").split())
        for path in [root / "README.md", root / "docs" / "index.rst", *sorted(GUIDE.glob("*.rst"))]
    }
    found = [(name, phrase) for phrase in STALE for name, text in texts.items() if phrase in text]
    assert not found, found


def build_html(project: Path) -> tuple[SphinxTestApp, str]:
    """``project`` built as HTML, and the warnings the build gave."""
    warned = StringIO()
    app = SphinxTestApp("html", srcdir=project, status=StringIO(), warning=warned)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, warned.getvalue()
