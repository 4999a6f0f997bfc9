# `make demo` and `make test` install whatever is missing, then run. Both are quiet when nothing is.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
QM_STAMP := $(STAMPS)/translations

.PHONY: demo test bench install walkthrough clean i18n e2e package package-test

install: $(STAMPS)/apt $(STAMPS)/venv $(QM_STAMP)
	@:

$(STAMPS)/apt: tools/apt-packages.txt tools/apt-install.sh
	@mkdir -p $(STAMPS)
	@tools/apt-install.sh
	@touch $@

$(STAMPS)/venv: pyproject.toml constraints.txt $(STAMPS)/apt
	@mkdir -p $(STAMPS)
	@PYTHON=$(PYTHON) tools/venv-install.sh $(VENV)
	@touch $@

# .qm files are built from the .ts sources at install time, never committed
$(QM_STAMP): $(STAMPS)/venv $(wildcard kiosk/i18n/*.ts)
	@$(BIN)/python -m kiosk.i18n_tool build
	@touch $@

demo: install
	@$(BIN)/kiosk --demo

test: install
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# the fault matrix (tests/faults): one line per fault, printed and written to RELIABILITY.md
.PHONY: faults
# every walkthrough state at both sizes in both languages, as real processes (tests/e2e)
e2e: install
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m e2e tests/e2e

faults: install
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -m faults tests/faults --reliability-out=RELIABILITY.md

bench: install
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

walkthrough: install
	@$(BIN)/kiosk walkthrough --out demo-out

# the kiosk as Debian packages (README "Installing a kiosk"): the PyInstaller one-folder bundle
# from kiosk.spec, wrapped by packaging/build-deb.sh into hall-kiosk-VERSION and hall-kiosk
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' kiosk/__init__.py)
PACKAGE_DIR := dist/package
package: install
	@$(BIN)/pyinstaller --noconfirm --log-level ERROR --distpath build/package/dist \
		--workpath build/package/work kiosk.spec
	@packaging/build-deb.sh build/package/dist/kiosk $(VERSION) $(PACKAGE_DIR)

# the package's own test: extract into a temporary root, --version, config check, a headless
# start to the painted home screen against a loopback platform, systemd-analyze verify, and an
# update to a broken version that rolls back (slow: a bundle build, so not in `make test`)
package-test: package
	@KIOSK_PACKAGE_DIR=$(PACKAGE_DIR) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/packaging

# mutation testing (TESTING.md): mutmut over the modules where a wrong line loses data, money or
# privacy, each module against its own tests in a copy of the tree (under an hour on two cores;
# not part of `make test`). `make mutation MODULES="sync.delivery kiosk.session"` runs some.
.PHONY: mutation
mutation: install
	@QT_QPA_PLATFORM=offscreen $(BIN)/python tests/mutation/run.py $(MODULES)

# refresh the .ts sources from the code (developers)
i18n: $(STAMPS)/venv
	@$(BIN)/python -m kiosk.i18n_tool update

clean:
	rm -rf $(VENV) $(STAMPS) demo-out
