# The two commands a new user needs: `make run` (demo hall) and `make test` (whole suite).
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
XVFB := xvfb-run -a -s "-screen 0 1600x1000x24"

.PHONY: run test test-serial lint bench screenshots translations clean bundle deb

$(STAMP): pyproject.toml scripts/setup_env.sh
	bash scripts/setup_env.sh
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hallapp --demo

# Two worker processes (pytest-xdist; 19 → 11 min on 2 cores): each still runs half the suite in one
# process, so a library that changes process state shows up there. `make test-serial`: all in one process.
test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2
	bash scripts/xvfb_acceptance.sh

test-serial: $(STAMP) lint
	$(BIN)/python -m pytest
	bash scripts/xvfb_acceptance.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

screenshots: $(STAMP)
	$(XVFB) $(BIN)/python scripts/screenshots.py

# After changing a tr() string: refresh the .ts, translate it (Qt Linguist), then compile.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find ui -name '*.py' | sort) -ts resources/translations/hallapp_zh_CN.ts -no-obsolete
	$(BIN)/pyside6-lrelease resources/translations/hallapp_zh_CN.ts -qm resources/translations/hallapp_zh_CN.qm

# The PyInstaller one-folder bundle in dist/hallapp, and the .deb made from it (installer/README.md).
bundle: $(STAMP)
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install -q "pyinstaller==6.22.*"
	bash scripts/build_bundle.sh dist

deb: bundle
	bash scripts/build_deb.sh dist/hallapp dist

clean:
	rm -rf $(VENV) build dist *.egg-info
