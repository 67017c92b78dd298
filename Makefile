# Laobao (劳保终端) — plain Makefile; libraries found with pkg-config.
#
#   make            build build/laobao
#   make run        set up, build, create a demo database if none, start the TUI
#   make check      set up, build and run every test (SANITIZE=1: ASan + UBSan)
#   make bench      benchmarks against references (QUICK=1: 100k persons)
#   make torture    long soaks and fault injection, not part of check
#   make install    PREFIX=/usr/local DESTDIR=
#
# `run`, `check`, `bench` and `torture` first run scripts/setup, which
# installs missing packages and locales as root and otherwise says what to
# install. They then re-enter make so pkg-config is asked after set-up.

PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DESTDIR ?=
SANITIZE ?=
QUICK ?=

O := $(if $(SANITIZE),build-san,build)
BIN := $(O)/laobao

PKGS := ncursesw sqlite3 libpcre2-8 libsodium
TEST_PKGS := vterm

# pkg-config's ncursesw flags pin _XOPEN_SOURCE=600; we ask for 700 ourselves.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE%,$(shell $(PKG_CONFIG) --cflags $(PKGS)))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS))
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS))
TEST_LIBS = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS)) -lutil

# laobao itself takes these from their static archives when installed (the
# Debian -dev packages ship them): binding the symbols of a shared
# libsqlite3 at every start costs more than drawing the first screen. A
# library without its archive is linked shared; STATIC= links all shared.
STATIC ?= sqlite3 libsodium libpcre2-8
pkg_archive = $(filter %.a,$(wildcard $(shell $(PKG_CONFIG) --variable=libdir $(1))/$(patsubst \
	-l%,lib%.a,$(shell $(PKG_CONFIG) --libs-only-l $(1)))))
lib_found = $(filter /%,$(shell $(CC) -print-file-name=lib$(1).so) \
	$(shell $(CC) -print-file-name=lib$(1).a))
# What the archives need in turn (Libs.private), less libraries the linker
# cannot find: sqlite3.pc names -lz, which its archive does not use.
static_deps = $(foreach f,$(filter-out $(shell $(PKG_CONFIG) --libs-only-l $(1)), \
	$(shell $(PKG_CONFIG) --static --libs $(1))),$(if $(filter -l%,$(f)), \
	$(if $(call lib_found,$(f:-l%=%)),$(f)),$(f)))
STATIC_ON = $(foreach p,$(filter $(STATIC),$(PKGS)),$(if $(call pkg_archive,$(p)),$(p)))
BIN_LIBS = $(foreach p,$(STATIC_ON),$(call pkg_archive,$(p))) \
	$(if $(STATIC_ON),$(call static_deps,$(STATIC_ON))) \
	$(shell $(PKG_CONFIG) --libs $(filter-out $(STATIC_ON),$(PKGS)))

CFLAGS ?= -O2 -g
WARN := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral -Wvla
SAN_ON := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
SAN_FLAGS := $(if $(SANITIZE),$(SAN_ON))
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SAN_FLAGS) -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-DLAOBAO_VERSION='"$(VERSION)"' -I. $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SAN_FLAGS)

VERSION := 0.1.0

LIB_SRC := $(wildcard locale/*.c forms/*.c db/*.c)
TUI_SRC := $(wildcard tui/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_LIB_SRC := $(filter-out $(TEST_SRC),$(wildcard tests/*.c))
BENCH_SRC := $(wildcard bench/*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o)
TUI_OBJ := $(TUI_SRC:%.c=$(O)/%.o)
TEST_LIB_OBJ := $(TEST_LIB_SRC:%.c=$(O)/%.o)
TESTS := $(TEST_SRC:tests/%.c=$(O)/tests/%)
BENCHES := $(BENCH_SRC:bench/%.c=$(O)/bench/%)

.PHONY: all run check bench torture install clean setup build-check build-bench
.DEFAULT_GOAL := all
.SECONDARY:

all: $(BIN)

$(O)/liblaobao.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# tui/ logic (the field editor) is unit-tested too, so tests link it as an archive.
$(O)/libtui.a: $(TUI_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(O)/main.o $(TUI_OBJ) $(O)/liblaobao.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(O)/main.o $(TUI_OBJ) $(O)/liblaobao.a $(BIN_LIBS) -lm

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -c -o $@ $<

$(O)/tests/test_%: $(O)/tests/test_%.o $(TEST_LIB_OBJ) $(O)/libtui.a $(O)/liblaobao.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS) -lm

$(O)/bench/%: $(O)/bench/%.o $(O)/tests/vt.o $(O)/liblaobao.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS) -lm

setup:
	@sh scripts/setup

run: setup
	@$(MAKE) --no-print-directory $(BIN)
	@db="$${LAOBAO_DB:-$(CURDIR)/demo.db}"; \
	if [ ! -s "$$db" ]; then \
		echo "laobao: creating demo database $$db"; \
		$(BIN) --db "$$db" demo || exit 1; \
	fi; \
	exec $(BIN) --db "$$db"

check: setup
	@$(MAKE) --no-print-directory build-check
	@LAOBAO_BIN=$(CURDIR)/$(BIN) LAOBAO_BUILD=$(CURDIR)/$(O) sh tests/run $(TESTS)

build-check: $(BIN) $(TESTS) $(BENCHES)

bench: setup
	@$(MAKE) --no-print-directory build-bench
	@LAOBAO_BIN=$(CURDIR)/$(BIN) LAOBAO_BUILD=$(CURDIR)/$(O) QUICK=$(QUICK) sh bench/run

build-bench: $(BIN) $(BENCHES)

torture: setup
	@$(MAKE) --no-print-directory build-check
	@LAOBAO_BIN=$(CURDIR)/$(BIN) LAOBAO_BUILD=$(CURDIR)/$(O) LAOBAO_TORTURE=1 sh tests/run $(TESTS)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/laobao

clean:
	rm -rf build build-san

-include $(shell find $(O) -name '*.d' 2>/dev/null)
