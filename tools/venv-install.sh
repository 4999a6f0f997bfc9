#!/usr/bin/env bash
# Creates .venv if missing and installs the project (editable) with its test extras, at the
# versions in constraints.txt: the ones the suite last passed with (move them deliberately).
# pip's notices about unreachable extra index folders on some machines are filtered out;
# real errors still fail the step.
set -euo pipefail
venv=${1:-.venv}
python=${PYTHON:-python3}
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
echo "Installing Python packages into $venv"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >"$log" 2>&1 ||
   ! "$venv/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]' >>"$log" 2>&1; then
    grep -v "is ignored: it is neither a file nor a directory" "$log" >&2
    exit 1
fi
