/* time.c — the `time` module: clocks, sleep, struct_time, strftime & co. */
#include "gilpy.h"
#include <errno.h>
#include <math.h>
#include <time.h>

/* ---- struct_time ------------------------------------------------------- */

typedef struct {
    OBJ_HEAD;
    Obj *tuple;          /* the 9 visible fields */
    Obj *zone, *gmtoff;  /* tm_zone, tm_gmtoff (None when unknown) */
} StructTimeObj;

extern TypeObj StructTime_Type;
#define ST(o) ((StructTimeObj *)(o))

static const char *const st_fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                        "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};

static Obj *st_from_tuple(Obj *tuple, Obj *zone, Obj *gmtoff)
{
    StructTimeObj *s = (StructTimeObj *)obj_alloc(&StructTime_Type, 0);
    if (!s) return NULL;
    s->tuple = NEWREF(tuple);
    s->zone = NEWREF(zone ? zone : None);
    s->gmtoff = NEWREF(gmtoff ? gmtoff : None);
    return OBJ(s);
}

static Obj *st_from_tm(const struct tm *tm)
{
    Obj *t = tuple_new(9);
    if (!t) return NULL;
    long long v[9] = {tm->tm_year + 1900LL, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
                      tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst};
    for (int i = 0; i < 9; i++) TUPLE_SET(t, i, MAKE_SMALLINT(v[i]));
    Obj *zone = tm->tm_zone ? str_from_cstr(tm->tm_zone) : NEWREF(None);
    Obj *off = int_from_long(tm->tm_gmtoff);
    Obj *r = zone && off ? st_from_tuple(t, zone, off) : NULL;
    XDECREF(zone);
    XDECREF(off);
    DECREF(t);
    return r;
}

static Obj *st_new(TypeObj *type, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"sequence", "dict"};
    Obj *a[2];
    if (args_parse("struct_time", args, nargs, kwnames, names, 2, 1, 2, a) < 0) return NULL;
    Obj *t = seq_tuple(a[0]);
    if (!t) return NULL;
    ssize_t n = TUPLE_SIZE(t);
    if (n < 9 || n > 11) {
        Obj *e = err_format(&Exc_TypeError, "time.struct_time() takes an %s 9-sequence (%zd-sequence given)",
                            n < 9 ? "at least" : "at most", n);
        if (n > 11) {
            err_clear();
            e = err_format(&Exc_TypeError, "time.struct_time() takes an at most 11-sequence (%zd-sequence given)", n);
        }
        DECREF(t);
        return e;
    }
    Obj *vis = tuple_getslice(t, 0, 9);
    Obj *r = vis ? st_from_tuple(vis, n > 9 ? TUPLE_GET(t, 9) : None, n > 10 ? TUPLE_GET(t, 10) : None) : NULL;
    XDECREF(vis);
    DECREF(t);
    return r;
}

static void st_dealloc(Obj *self)
{
    XDECREF(ST(self)->tuple);
    XDECREF(ST(self)->zone);
    XDECREF(ST(self)->gmtoff);
    obj_free(self);
}

static Obj *st_repr(Obj *self)
{
    StrBuilder sb;
    sb_init(&sb);
    if (sb_append_cstr(&sb, "time.struct_time(") < 0) goto fail;
    for (int i = 0; i < 9; i++) {
        Obj *r = obj_repr(TUPLE_GET(ST(self)->tuple, i));
        if (!r) goto fail;
        int ok = (i == 0 || sb_append_cstr(&sb, ", ") == 0) && sb_append_cstr(&sb, st_fields[i]) == 0 &&
                 sb_append_cstr(&sb, "=") == 0 && sb_append_str(&sb, r) == 0;
        DECREF(r);
        if (!ok) goto fail;
    }
    if (sb_append_cstr(&sb, ")") < 0) goto fail;
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

static Obj *st_getitem(Obj *self, Obj *key) { return obj_getitem(ST(self)->tuple, key); }
static ssize_t st_len(Obj *self) { return 9; }
static Obj *st_iter(Obj *self) { return obj_iter(ST(self)->tuple); }
static hash_t st_hash(Obj *self) { return obj_hash(ST(self)->tuple); }
static int st_contains(Obj *self, Obj *v) { return obj_contains(ST(self)->tuple, v); }

static Obj *st_richcompare(Obj *a, Obj *b, int op)
{
    Obj *ta = TYPE(a) == &StructTime_Type ? ST(a)->tuple : a;
    Obj *tb = TYPE(b) == &StructTime_Type ? ST(b)->tuple : b;
    if (!tuple_check(ta) || !tuple_check(tb)) RETURN_NOTIMPL;
    return obj_richcompare(ta, tb, op);
}

static Obj *st_field(Obj *self, void *closure)
{
    intptr_t i = (intptr_t)closure;
    if (i < 9) return NEWREF(TUPLE_GET(ST(self)->tuple, i));
    return NEWREF(i == 9 ? ST(self)->zone : ST(self)->gmtoff);
}

static Obj *st_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return tuple_pack(2, OBJ(&StructTime_Type), ST(self)->tuple);
}

static GetSetDef st_getset[] = {
    {"tm_year", st_field, NULL, "year, for example, 1993", (void *)0},
    {"tm_mon", st_field, NULL, "month of year, range [1, 12]", (void *)1},
    {"tm_mday", st_field, NULL, "day of month, range [1, 31]", (void *)2},
    {"tm_hour", st_field, NULL, "hours, range [0, 23]", (void *)3},
    {"tm_min", st_field, NULL, "minutes, range [0, 59]", (void *)4},
    {"tm_sec", st_field, NULL, "seconds, range [0, 61])", (void *)5},
    {"tm_wday", st_field, NULL, "day of week, range [0, 6], Monday is 0", (void *)6},
    {"tm_yday", st_field, NULL, "day of year, range [1, 366]", (void *)7},
    {"tm_isdst", st_field, NULL, "1 if summer time is in effect, 0 if not, and -1 if unknown", (void *)8},
    {"tm_zone", st_field, NULL, "abbreviation of timezone name", (void *)9},
    {"tm_gmtoff", st_field, NULL, "offset from UTC in seconds", (void *)10},
    {NULL}
};

static MethodDef st_methods[] = {
    {"__reduce__", st_reduce, 0, NULL},
    {NULL}
};

TypeObj StructTime_Type = {
    TYPE_HEAD_INIT,
    .name = "time.struct_time",
    .basicsize = sizeof(StructTimeObj),
    .doc = "The time value as returned by gmtime(), localtime(), and strptime()",
    .dealloc = st_dealloc,
    .repr = st_repr,
    .hash = st_hash,
    .richcompare = st_richcompare,
    .iter = st_iter,
    .new_ = st_new,
    .len = st_len,
    .getitem = st_getitem,
    .contains = st_contains,
    .methods = st_methods,
    .getset = st_getset,
};

/* ---- conversions ------------------------------------------------------- */

static int seconds_arg(Obj *o, time_t *out)
{
    if (!o || o == None) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (float_check(o)) {
        d = FLOAT_VAL(o);
        if (isnan(d)) {
            err_set_str(&Exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (d < -9.2e18 || d > 9.2e18) {
            err_set_str(&Exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    Obj *i = obj_index(o);
    if (!i) return -1;
    long long v;
    int ovf = int_as_long_overflow(i, &v);
    DECREF(i);
    if (ovf) {
        err_set_str(&Exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

/* struct_time or 9-tuple -> struct tm.  Range-checked when `check`. */
static int tm_from_arg(Obj *o, struct tm *tm, const char *fname, int check)
{
    Obj *t;
    if (TYPE(o) == &StructTime_Type) t = ST(o)->tuple;
    else if (tuple_check(o)) t = o;
    else {
        err_set_str(&Exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (TUPLE_SIZE(t) != 9) {
        err_format(&Exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    long long v[9];
    for (int i = 0; i < 9; i++) {
        Obj *x = TUPLE_GET(t, i);
        if (!int_check(x)) {
            if (float_check(x)) err_set_str(&Exc_TypeError, "'float' object cannot be interpreted as an integer");
            else err_format(&Exc_TypeError, "%s(): illegal time tuple argument", fname);
            return -1;
        }
        v[i] = int_as_long(x);
        if (v[i] == -1 && err_occurred()) return -1;
        if (v[i] > INT_MAX || v[i] < INT_MIN) {
            err_set_str(&Exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(v[0] - 1900);
    tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    if (TYPE(o) == &StructTime_Type && str_check(ST(o)->zone)) {
        /* tm_zone points into the str, which outlives the call */
        tm->tm_zone = STR_DATA(ST(o)->zone);
        if (int_check(ST(o)->gmtoff)) tm->tm_gmtoff = (long)int_as_long(ST(o)->gmtoff);
    }
    if (check) {
        if (tm->tm_mon == -1) tm->tm_mon = 0;
        else if (tm->tm_mon < 0 || tm->tm_mon > 11) goto range_mon;
        if (tm->tm_mday == 0) tm->tm_mday = 1;
        else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
            err_set_str(&Exc_ValueError, "day of month out of range");
            return -1;
        }
        if (tm->tm_hour < 0 || tm->tm_hour > 23) { err_set_str(&Exc_ValueError, "hour out of range"); return -1; }
        if (tm->tm_min < 0 || tm->tm_min > 59) { err_set_str(&Exc_ValueError, "minute out of range"); return -1; }
        if (tm->tm_sec < 0 || tm->tm_sec > 61) { err_set_str(&Exc_ValueError, "seconds out of range"); return -1; }
        if (v[6] < 0) { err_set_str(&Exc_ValueError, "day of week out of range"); return -1; }
        if (tm->tm_yday == -1) tm->tm_yday = 0;
        else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
            err_set_str(&Exc_ValueError, "day of year out of range");
            return -1;
        }
        if (tm->tm_isdst < -1) tm->tm_isdst = -1;
        else if (tm->tm_isdst > 1) tm->tm_isdst = 1;
    }
    return 0;
range_mon:
    err_set_str(&Exc_ValueError, "month out of range");
    return -1;
}

/* ---- clocks ------------------------------------------------------------ */

static long long clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static Obj *clock_float(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return float_from_double((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

#define CLOCK_FUNCS(pyname, id) \
    static Obj *t_##pyname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        if (args_no_kw(#pyname, kwnames) < 0 || args_count(#pyname, nargs, 0, 0) < 0) return NULL; \
        return clock_float(id); \
    } \
    static Obj *t_##pyname##_ns(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        if (args_no_kw(#pyname "_ns", kwnames) < 0 || args_count(#pyname "_ns", nargs, 0, 0) < 0) return NULL; \
        return int_from_long(clock_ns(id)); \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static Obj *t_sleep(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("sleep", kwnames) < 0 || args_count("sleep", nargs, 1, 1) < 0) return NULL;
    Obj *o = args[0];
    double secs;
    if (float_check(o)) {
        secs = FLOAT_VAL(o);
        if (isnan(secs)) return err_set_str(&Exc_ValueError, "Invalid value NaN (not a number)");
    } else if (int_check(o)) {
        secs = int_as_double(o);
        if (secs == -1.0 && err_occurred()) return NULL;
    } else {
        Obj *f = NULL;
        if (obj_lookup_attr(o, str_intern_cstr("__float__"), &f) < 0) return NULL;
        if (!f) return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        DECREF(f);
        secs = float_as_double(o);
        if (secs == -1.0 && err_occurred()) return NULL;
    }
    if (secs < 0) return err_set_str(&Exc_ValueError, "sleep length must be non-negative");
    if (secs > 9.2e9) return err_set_str(&Exc_OverflowError, "sleep length is too large");
    struct timespec req, rem;
    req.tv_sec = (time_t)secs;
    req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
    if (req.tv_nsec >= 1000000000L) { req.tv_sec++; req.tv_nsec -= 1000000000L; }
    for (;;) {
        /* GIL: release here (issue 4: GIL_RELEASE() / GIL_ACQUIRE() around nanosleep) */
        int r = nanosleep(&req, &rem);
        if (r == 0) break;
        if (errno != EINTR) return err_from_errno(&Exc_OSError);
        /* TODO(issue 4): run pending signal handlers here; an exception aborts the sleep */
        req = rem;
    }
    RETURN_NONE;
}

static Obj *t_gmtime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("gmtime", kwnames) < 0 || args_count("gmtime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (seconds_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) {
        if (errno == EOVERFLOW) return err_set_str(&Exc_OverflowError, "timestamp out of range for platform time_t");
        return err_from_errno(&Exc_OSError);
    }
    return st_from_tm(&tm);
}

static Obj *t_localtime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("localtime", kwnames) < 0 || args_count("localtime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (seconds_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        if (errno == EOVERFLOW) return err_set_str(&Exc_OverflowError, "timestamp out of range for platform time_t");
        return err_from_errno(&Exc_OSError);
    }
    return st_from_tm(&tm);
}

static Obj *t_mktime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("mktime", kwnames) < 0 || args_count("mktime", nargs, 1, 1) < 0) return NULL;
    struct tm tm;
    if (tm_from_arg(args[0], &tm, "mktime", 0) < 0) return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return err_set_str(&Exc_OverflowError, "mktime argument out of range");
    return float_from_double((double)t);
}

static const char *const wday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const mon_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static Obj *format_asctime(const struct tm *tm)
{
    return str_from_format("%s %s%3d %.2d:%.2d:%.2d %d", wday_names[(tm->tm_wday % 7 + 7) % 7],
                           mon_names[(tm->tm_mon % 12 + 12) % 12], tm->tm_mday, tm->tm_hour, tm->tm_min,
                           tm->tm_sec, tm->tm_year + 1900);
}

static Obj *t_asctime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("asctime", kwnames) < 0 || args_count("asctime", nargs, 0, 1) < 0) return NULL;
    struct tm tm;
    if (nargs) {
        if (tm_from_arg(args[0], &tm, "asctime", 1) < 0) return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    return format_asctime(&tm);
}

static Obj *t_ctime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("ctime", kwnames) < 0 || args_count("ctime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    if (seconds_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return err_set_str(&Exc_OverflowError, "timestamp out of range for platform time_t");
    return format_asctime(&tm);
}

static Obj *t_strftime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (args_no_kw("strftime", kwnames) < 0 || args_count("strftime", nargs, 1, 2) < 0) return NULL;
    if (!str_check(args[0]))
        return err_format(&Exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    struct tm tm;
    if (nargs > 1) {
        if (tm_from_arg(args[1], &tm, "strftime", 1) < 0) return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    const char *fmt = STR_DATA(args[0]);
    ssize_t flen = STR_SIZE(args[0]);
    if (flen == 0) return str_from_cstr("");
    /* "%" at the end or unknown codes are passed to the C library as is. */
    size_t cap = (size_t)flen * 4 + 64;
    for (int tries = 0; tries < 12; tries++) {
        char *buf = mem_alloc(cap);
        if (!buf) return NULL;
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > (size_t)flen * 256) {
            Obj *r = str_decode_utf8(buf, (ssize_t)n, "surrogateescape");
            mem_free(buf);
            return r;
        }
        mem_free(buf);
        cap *= 2;
    }
    return str_from_cstr("");
}

static Obj *t_tzset(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    tzset();
    RETURN_NONE;
}

static MethodDef time_methods[] = {
    {"time", t_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", t_time_ns, 0, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", t_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", t_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", t_perf_counter, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", t_perf_counter_ns, 0, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", t_process_time, 0, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", t_process_time_ns, 0, "Process time for profiling as nanoseconds."},
    {"thread_time", t_thread_time, 0, "Thread time for profiling."},
    {"thread_time_ns", t_thread_time_ns, 0, "Thread time for profiling as nanoseconds."},
    {"sleep", t_sleep, 0, "Delay execution for a given number of seconds."},
    {"gmtime", t_gmtime, 0, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", t_localtime, 0, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", t_mktime, 0, "Convert a time tuple in local time to seconds since the Epoch."},
    {"asctime", t_asctime, 0, "Convert a time tuple to a string."},
    {"ctime", t_ctime, 0, "Convert a time in seconds since the Epoch to a string in local time."},
    {"strftime", t_strftime, 0, "Convert a time tuple to a string according to a format specification."},
    {"tzset", t_tzset, 0, "Initialize, or reinitialize, the local timezone."},
    {NULL}
};

Obj *module_init_time(void)
{
    Obj *m = module_new("time");
    if (!m) return NULL;
    if (module_add_functions(m, time_methods) < 0) goto fail;
    if (!(StructTime_Type.flags & TF_READY) && type_ready(&StructTime_Type) < 0) goto fail;
    INCREF(&StructTime_Type);
    if (module_add(m, "struct_time", OBJ(&StructTime_Type)) < 0) goto fail;
    tzset();
    if (module_add_int(m, "timezone", timezone) < 0 ||
        module_add_int(m, "altzone", daylight ? timezone - 3600 : timezone) < 0 ||
        module_add_int(m, "daylight", daylight) < 0)
        goto fail;
    Obj *n0 = str_from_cstr(tzname[0]), *n1 = str_from_cstr(tzname[1]);
    Obj *tn = n0 && n1 ? tuple_pack(2, n0, n1) : NULL;
    XDECREF(n0);
    XDECREF(n1);
    if (module_add(m, "tzname", tn) < 0) goto fail;
    if (module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        module_add_int(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        module_add_int(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
