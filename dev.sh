#!/usr/bin/env bash
# Set up and run the project's tasks on a fresh Debian/Ubuntu machine.
#
#   ./dev.sh docs   build the example handbook and user guide to docs/_build/html
#   ./dev.sh test   run the test suite (extra arguments go to pytest)
#   ./dev.sh lint   check the code with ruff
#
# Each task installs what it needs: the Debian packages (Graphviz, python3-venv)
# when missing, and the project with its Python dependencies in ./.venv.
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
        "$VENV/bin/sphinx-build" -W --keep-going -j 2 -b html docs docs/_build/html "$@"
        echo "The handbook is in docs/_build/html/ (open docs/_build/html/index.html)."
        ;;
    test)
        ensure_system_packages
        ensure_venv test
        "$VENV/bin/python" -m pytest "$@"
        ;;
    lint)
        ensure_venv lint
        "$VENV/bin/ruff" check .
        "$VENV/bin/ruff" format --check .
        ;;
    *)
        echo "usage: ./dev.sh docs | test [pytest arguments] | lint" >&2
        exit 2
        ;;
esac
