/* args.c — argument parsing for C functions, CPython-style messages.
 * OWNER: TYPES. */
#include "gilpy.h"

static const char *plural(ssize_t n) { return n == 1 ? "" : "s"; }

int args_no_kw(const char *fname, Obj *kwnames) {
    if (kwnames && TUPLE_SIZE(kwnames) > 0) {
        err_format(&Exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int args_count(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        err_format(&Exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        err_format(&Exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int args_parse(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
               const char *const *names, int n, int required, int maxpos, Obj **out) {
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    bool any_kw_names = false;
    for (int i = 0; i < n; i++) {
        out[i] = NULL;
        if (names[i] && names[i][0]) any_kw_names = true;
    }
    if (maxpos > n) maxpos = n;
    if (maxpos < 0) maxpos = n;
    if (!any_kw_names) {
        /* positional-only function */
        if (nkw) return args_no_kw(fname, kwnames);
        if (args_count(fname, nargs, (size_t)required, (size_t)maxpos) < 0) return -1;
    } else if ((ssize_t)nargs > maxpos) {
        if (maxpos < n)
            err_format(&Exc_TypeError, "%s() takes at most %d positional argument%s (%zd given)",
                       fname, maxpos, plural(maxpos), (ssize_t)nargs);
        else
            err_format(&Exc_TypeError, "%s() takes %s %d argument%s (%zd given)", fname,
                       required == maxpos ? "exactly" : "at most", maxpos, plural(maxpos), (ssize_t)nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs && (int)i < n; i++) out[i] = args[i];
    for (ssize_t k = 0; k < nkw; k++) {
        Obj *key = TUPLE_GET(kwnames, k);
        int idx = -1;
        for (int i = 0; i < n; i++) {
            if (names[i] && names[i][0] && str_eq_cstr(key, names[i])) { idx = i; break; }
        }
        if (idx < 0) {
            err_format(&Exc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
        if (out[idx]) {
            err_format(&Exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                       fname, names[idx], idx + 1);
            return -1;
        }
        out[idx] = args[nargs + (size_t)k];
    }
    for (int i = 0; i < required; i++) {
        if (!out[i]) {
            if ((ssize_t)nargs < i && !(names[i] && names[i][0]))
                err_format(&Exc_TypeError, "%s() takes at least %d argument%s (%zd given)",
                           fname, required, plural(required), (ssize_t)nargs);
            else if (names[i] && names[i][0])
                err_format(&Exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            else
                err_format(&Exc_TypeError, "%s() takes at least %d positional argument%s (%zd given)",
                           fname, required, plural(required), (ssize_t)nargs);
            return -1;
        }
    }
    return 0;
}
