#!/usr/bin/env bash
# Set up and run the project's tasks on a fresh Debian/Ubuntu machine.
#
#   ./dev.sh docs   build the example handbook and user guide to docs/_build/html, as a
#                   site of two editions (sphinx-sop-site): the commit checked out and
#                   an earlier one named in docs/conf.py; changes not committed are in
#                   neither (plain sphinx-build docs <folder> shows them)
#   ./dev.sh pdf    build the example handbook as a PDF: docs/_build/latex/buku-pedoman-sop.pdf,
#                   and each of its SOPs alone: docs/_build/latex/sop-<id>.pdf
#   ./dev.sh test   run the test suite (extra arguments go to pytest)
#   ./dev.sh lint   check the code with ruff
#   ./dev.sh matrix run the test suite on the oldest and the newest supported
#                   stack (noxfile.py; extra arguments go to nox)
#   ./dev.sh bench  measure the extension against the same handbook as plain tables
#                   (bench/run.py; extra arguments go to it, e.g. --sizes 250,1000)
#
# Each task installs what it needs: the Debian packages (Graphviz, python3-venv,
# and for the PDF and the tests TeX Live, poppler-utils and Chromium) when
# missing, and the project with its Python dependencies in ./.venv.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv

apt_install() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "dev.sh: installing Debian packages: $*" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_system_packages() {
    local missing=()
    command -v dot >/dev/null 2>&1 || missing+=(graphviz)
    python3 -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
    if [ "${1:-}" = "with-tex" ]; then
        command -v latexmk >/dev/null 2>&1 || missing+=(latexmk)
        command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
        command -v chromium >/dev/null 2>&1 || missing+=(chromium)
        local style package
        # The TeX Live packages holding what Sphinx's LaTeX and the SOP manual use.
        for style in tabulary.sty:texlive-latex-recommended pdflscape.sty:texlive-latex-extra \
                     tikz.sty:texlive-pictures tgtermes.sty:tex-gyre \
                     ptmr8t.tfm:texlive-fonts-recommended; do
            package="${style#*:}"
            if ! kpsewhich "${style%%:*}" >/dev/null 2>&1; then
                missing+=("$package")
            fi
        done
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
}

ensure_venv() {
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e ".[$1]"
}

task="${1:-}"
[ $# -gt 0 ] && shift
case "$task" in
    docs)
        ensure_system_packages
        ensure_venv docs
        rm -rf docs/_build/html
        # Each edition into docs/_build/html/<edition>/; warnings fail the build of the
        # current edition (an earlier edition that fails is reported, not fatal).
        "$VENV/bin/sphinx-sop-site" docs docs/_build/html -W --keep-going "$@"
        echo "The handbook is in docs/_build/html/ (open docs/_build/html/index.html:" \
            "it leads to the current edition)."
        ;;
    pdf)
        ensure_system_packages with-tex
        ensure_venv docs
        rm -rf docs/_build/latex
        # Quiet (-q), as the LaTeX run below: Sphinx's progress and its closing
        # hint to run make in the LaTeX folder would mislead, as this task runs it.
        # Warnings still go to stderr, and -W still fails the build on them.
        "$VENV/bin/sphinx-build" -q -W --keep-going -b latex docs docs/_build/latex "$@"
        # The manual, then each SOP's own document (sop_pdf_per_sop), as the build listed them.
        (cd docs/_build/latex && latexmk -pdf -interaction=nonstopmode -halt-on-error \
            buku-pedoman-sop.tex $(cat sop-per-sop.txt 2>/dev/null) >latexmk.log 2>&1) || {
            tail -40 docs/_build/latex/latexmk.log >&2
            exit 1
        }
        echo "The PDF handbook is docs/_build/latex/buku-pedoman-sop.pdf;" \
            "each SOP's own PDF is docs/_build/latex/sop-<id>.pdf."
        ;;
    test)
        ensure_system_packages with-tex
        ensure_venv test
        "$VENV/bin/python" -m pytest "$@"
        ;;
    matrix)
        ensure_system_packages with-tex
        ensure_venv test
        "$VENV/bin/nox" "$@"
        ;;
    bench)
        ensure_system_packages
        ensure_venv docs
        "$VENV/bin/python" bench/run.py "$@"
        ;;
    lint)
        ensure_venv lint
        "$VENV/bin/ruff" check .
        "$VENV/bin/ruff" format --check .
        ;;
    *)
        echo "usage: ./dev.sh docs | pdf | test [pytest arguments] | matrix [nox arguments]" \
            "| bench [bench/run.py arguments] | lint" >&2
        exit 2
        ;;
esac
