/* astdump — parser test tool: `build/astdump [-p] [-m exec|eval|single] FILE`
 * prints the tree like Python's ast.dump(tree) (with -p: one line of
 * positions per node, see ast_dump_positions), or on a syntax error:
 * ERROR kind=<PERR_*> lineno=.. offset=.. end_lineno=.. end_offset=.. msg=...
 * With -t N, parses N times and prints the time per parse (benchmark).
 * -s: parse as compile() of a string does (default: as a file, PARSE_FLAG_FILE). */
#include "core/ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const kinds[] = {"PERR_SYNTAX", "PERR_INDENTATION", "PERR_TAB", "PERR_DECODE",
                                    "PERR_MEMORY", "PERR_RECURSION"};

int main(int argc, char **argv) {
    int mode = PARSE_FILE, pos = 0, times = 0, flags = PARSE_FLAG_FILE;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            mode = strcmp(m, "eval") == 0 ? PARSE_EVAL : strcmp(m, "single") == 0 ? PARSE_SINGLE : PARSE_FILE;
        } else if (strcmp(argv[i], "-s") == 0) {
            flags = 0;   /* as compile() of a string */
        } else if (strcmp(argv[i], "-p") == 0) {
            pos = 1;
        } else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
            times = atoi(argv[++i]);
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fprintf(stderr, "usage: astdump [-p] [-t N] [-m exec|eval|single] FILE\n");
        return 2;
    }
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) { cap *= 2; buf = realloc(buf, cap); }
    }
    fclose(f);
    if (!buf) return 2;
    if (times > 0) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (int i = 0; i < times; i++) {
            Arena *a = arena_new();
            ParseError err;
            parse_source(a, buf, len, path, mode, flags, &err);
            parse_error_free(&err);
            arena_free(a);
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = ((double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) / times;
        printf("%.3f ms per parse\n", ms);
        free(buf);
        return 0;
    }
    Arena *a = arena_new();
    ParseError err;
    Node *t = parse_source(a, buf, len, path, mode, flags, &err);
    int rc = 0;
    if (!t) {
        printf("ERROR kind=%s lineno=%d offset=%d end_lineno=%d end_offset=%d msg=%s\n",
               err.kind >= 0 && err.kind <= 5 ? kinds[err.kind] : "?", err.lineno, err.col_offset,
               err.end_lineno, err.end_col_offset, err.msg);
        parse_error_free(&err);
        rc = 1;
    } else if (pos) {
        ast_dump_positions(t, stdout);
    } else {
        ast_dump(t, stdout);
        putchar('\n');
    }
    arena_free(a);
    free(buf);
    return rc;
}
