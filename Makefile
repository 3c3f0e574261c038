# gilpy — build, test, bench.  `make` builds ./gilpy; see README.
CC      ?= gcc
OPT     ?= -O2
CFLAGS_BASE = -std=c11 -D_GNU_SOURCE -g -Wall -Wextra -Werror -Wno-unused-parameter \
              -Wno-missing-field-initializers -Isrc $(if $(findstring clang,$(shell $(CC) --version 2>/dev/null | head -1)),,-Wno-format-truncation)
CFLAGS  ?= $(OPT)
LDLIBS  = -lgmp -lreadline -lm -lpthread

SRCS := $(sort $(wildcard src/*.c src/core/*.c src/objects/*.c src/modules/*.c))
HDRS := $(wildcard src/*.h src/core/*.h src/objects/*.h src/modules/*.h)

BUILD      = build/release
ASAN_BUILD = build/asan
OBJS       = $(SRCS:%.c=$(BUILD)/%.o)
ASAN_OBJS  = $(SRCS:%.c=$(ASAN_BUILD)/%.o)
ASAN_FLAGS = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

.PHONY: all asan clang test test-asan expected bench demo clean check-clang

all: gilpy

gilpy: $(OBJS)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -c -o $@ $<

asan: gilpy-asan
gilpy-asan: $(ASAN_OBJS)
	$(CC) $(CFLAGS_BASE) $(ASAN_FLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)

$(ASAN_BUILD)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(ASAN_FLAGS) -c -o $@ $<

# Warnings check with clang (objects only, no link needed).
check-clang:
	$(MAKE) BUILD=build/clang CC=clang gilpy-clang
gilpy-clang: $(SRCS:%.c=build/clang/%.o)
	clang $(CFLAGS_BASE) $(OPT) -o $@ $^ $(LDLIBS)
build/clang/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	clang $(CFLAGS_BASE) $(OPT) -c -o $@ $<

# Tests: T= selects a subset (a directory or files under tests/).
T ?= tests
test: gilpy
	python3 tools/runtests.py --gilpy ./gilpy $(T)

test-asan: gilpy-asan
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 python3 tools/runtests.py --gilpy ./gilpy-asan --timeout 120 $(T)

expected:
	python3 tools/runtests.py --regen $(T)

bench: gilpy
	python3 tools/bench.py --gilpy ./gilpy bench

demo: gilpy
	./gilpy examples/demo.py

clean:
	rm -rf build gilpy gilpy-asan gilpy-clang

# Parser-only test tool: prints ast.dump()-format trees (see tools/astdump.c).
PARSER_SRCS = $(sort $(wildcard src/core/lexer*.c src/core/parser*.c src/core/ast.c))
astdump: build/astdump
build/astdump: tools/astdump.c $(PARSER_SRCS) src/core/ast.h $(wildcard src/core/lexer*.h src/core/parser*.h)
	@mkdir -p build
	$(CC) $(CFLAGS_BASE) -O0 -o $@ tools/astdump.c $(PARSER_SRCS)
