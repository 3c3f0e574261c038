/* cmath.c — the cmath module on top of C99 <complex.h>.  Results agree with
 * CPython for ordinary finite arguments; CPython's special-value tables for
 * infinities/NaNs are only partly mirrored (see the checks below). */
#include "objects/int.h"
#include <math.h>
#include <complex.h>
#include <errno.h>
#include <float.h>

/* C11: a complex has the layout of double[2] (CMPLX is missing under clang+glibc). */
static inline double complex CMPLX_(double re, double im) {
    double complex z;
    ((double *)&z)[0] = re;
    ((double *)&z)[1] = im;
    return z;
}

static int get_complex(Obj *o, double complex *out) {
    if (!IS_SMALLINT(o) && type_is_subtype(TYPE(o), &Complex_Type)) {
        ComplexObj *c = (ComplexObj *)o;
        *out = CMPLX_(c->real, c->imag);
        return 0;
    }
    Obj *m = obj_type_lookup_special(o, str_intern_cstr("__complex__"));
    if (m) {
        Obj *r = obj_call0(m);
        DECREF(m);
        if (!r) return -1;
        if (IS_SMALLINT(r) || !type_is_subtype(TYPE(r), &Complex_Type)) {
            err_format(&Exc_TypeError, "__complex__ returned non-complex (type %T)", r);
            DECREF(r);
            return -1;
        }
        *out = CMPLX_(((ComplexObj *)r)->real, ((ComplexObj *)r)->imag);
        DECREF(r);
        return 0;
    }
    if (err_occurred()) return -1;
    if (!int_check(o) && !float_check(o) && !TYPE(o)->nb_float && !TYPE(o)->nb_index) {
        err_format(&Exc_TypeError, "must be real number, not %T", o);
        return -1;
    }
    double d = float_as_double(o);
    if (d == -1.0 && err_occurred()) return -1;
    *out = CMPLX_(d, 0.0);
    return 0;
}

static Obj *ret(double complex z) {
    double re = creal(z), im = cimag(z);
    return complex_from_doubles(re, im);
}

static int one(const char *name, Obj *const *args, size_t nargs, Obj *kw, double complex *z) {
    if (args_no_kw(name, kw) < 0) return -1;
    if (nargs != 1) {
        err_format(&Exc_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
        return -1;
    }
    return get_complex(args[0], z);
}

static bool finite_c(double complex z) { return isfinite(creal(z)) && isfinite(cimag(z)); }

static Obj *check(double complex in, double complex out) {
    if (finite_c(in) && !finite_c(out)) {
        if (isnan(creal(out)) || isnan(cimag(out))) return err_set_str(&Exc_ValueError, "math domain error");
        return err_set_str(&Exc_OverflowError, "math range error");
    }
    return ret(out);
}

/* Kahan-style formulas as in CPython's cmathmodule (same results bit for bit
 * on finite arguments). */
#define CM_LARGE_DOUBLE (DBL_MAX / 4.)
#define CM_SQRT_LARGE_DOUBLE 6.7039039649712985e+153   /* sqrt(CM_LARGE_DOUBLE) */
#define CM_LOG_LARGE_DOUBLE 708.39641853226408        /* log(CM_LARGE_DOUBLE) */
#define CM_SQRT_DBL_MIN 1.4916681462400413e-154

typedef struct { double real, imag; } cx;

static cx k_sqrt(cx z) {
    cx r;
    if (z.real == 0. && z.imag == 0.) { r.real = 0.; r.imag = z.imag; return r; }
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        double complex w = csqrt(CMPLX_(z.real, z.imag));
        r.real = creal(w); r.imag = cimag(w);
        return r;
    }
    double ax = fabs(z.real), ay = fabs(z.imag), s, d;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        ax = ldexp(ax, 53);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, 53))), -27);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    d = ay / (2. * s);
    if (z.real >= 0.) { r.real = s; r.imag = copysign(d, z.imag); }
    else { r.real = d; r.imag = copysign(s, z.imag); }
    return r;
}

static cx k_asinh(cx z) {
    cx r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        if (z.imag >= 0.) r.real = copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., z.real);
        else r.real = -copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., -z.real);
        r.imag = atan2(z.imag, fabs(z.real));
    } else {
        cx s1 = k_sqrt((cx){1. + z.imag, -z.real});
        cx s2 = k_sqrt((cx){1. - z.imag, z.real});
        r.real = asinh(s1.real * s2.imag - s2.real * s1.imag);
        r.imag = atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
    }
    return r;
}

static cx k_asin(cx z) {
    cx s = k_asinh((cx){-z.imag, z.real});
    return (cx){s.imag, -s.real};
}

static cx k_acos(cx z) {
    cx r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = atan2(fabs(z.imag), z.real);
        if (z.real < 0.) r.imag = -copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., z.imag);
        else r.imag = copysign(log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2., -z.imag);
    } else {
        cx s1 = k_sqrt((cx){1. - z.real, -z.imag});
        cx s2 = k_sqrt((cx){1. + z.real, z.imag});
        r.real = 2. * atan2(s1.real, s2.real);
        r.imag = asinh(s2.real * s1.imag - s2.imag * s1.real);
    }
    return r;
}

static cx k_acosh(cx z) {
    cx r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = log(hypot(z.real / 2., z.imag / 2.)) + M_LN2 * 2.;
        r.imag = atan2(z.imag, z.real);
    } else {
        cx s1 = k_sqrt((cx){z.real - 1., z.imag});
        cx s2 = k_sqrt((cx){z.real + 1., z.imag});
        r.real = asinh(s1.real * s2.real + s1.imag * s2.imag);
        r.imag = 2. * atan2(s1.imag, s2.real);
    }
    return r;
}

static cx k_tanh(cx z) {
    cx r;
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        r.real = copysign(1., z.real);
        r.imag = 4. * sin(z.imag) * cos(z.imag) * exp(-2. * fabs(z.real));
    } else {
        double tx = tanh(z.real), ty = tan(z.imag), cxh = 1. / cosh(z.real);
        double txty = tx * ty, denom = 1. + txty * txty;
        r.real = tx * (1. + ty * ty) / denom;
        r.imag = ((ty / denom) * cxh) * cxh;
    }
    return r;
}

static cx k_tan(cx z) {
    cx s = k_tanh((cx){-z.imag, z.real});
    return (cx){s.imag, -s.real};
}

/* *dom set on a pole. */
static cx k_atanh(cx z, int *dom) {
    cx r;
    if (z.real < 0.) {
        cx s = k_atanh((cx){-z.real, -z.imag}, dom);
        return (cx){-s.real, -s.imag};
    }
    double ay = fabs(z.imag);
    if (z.real > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
        double h = hypot(z.real / 2., z.imag / 2.);
        r.real = z.real / 4. / h / h;
        r.imag = -copysign(M_PI / 2., -z.imag);
    } else if (z.real == 1. && ay < CM_SQRT_DBL_MIN) {
        if (ay == 0.) { *dom = 1; r.real = INFINITY; r.imag = z.imag; }
        else {
            r.real = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.imag = copysign(atan2(2., -ay) / 2, z.imag);
        }
    } else {
        r.real = log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.;
        r.imag = -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.;
    }
    return r;
}

static cx k_atan(cx z, int *dom) {
    cx s = k_atanh((cx){-z.imag, z.real}, dom);
    return (cx){s.imag, -s.real};
}

static cx k_log(cx z, int *dom) {
    cx r;
    double ax = fabs(z.real), ay = fabs(z.imag);
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
        r.real = log(hypot(ax / 2., ay / 2.)) + M_LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.)
            r.real = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * M_LN2;
        else { r.real = -INFINITY; *dom = 1; }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.real = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.real = log(h);
        }
    }
    r.imag = atan2(z.imag, z.real);
    return r;
}

static Obj *ret_cx(double complex in, cx r, int dom) {
    if (dom) return err_set_str(&Exc_ValueError, "math domain error");
    return check(in, CMPLX_(r.real, r.imag));
}

#define KFUNC(name, kern) \
    static Obj *c_##name(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { \
        double complex z; \
        if (one(#name, args, nargs, kw, &z) < 0) return NULL; \
        if (!finite_c(z)) return check(z, c##name(z)); \
        return ret_cx(z, kern((cx){creal(z), cimag(z)}), 0); }
#define KFUNC_DOM(name, kern) \
    static Obj *c_##name(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { \
        double complex z; \
        if (one(#name, args, nargs, kw, &z) < 0) return NULL; \
        if (!finite_c(z)) return check(z, c##name(z)); \
        int dom = 0; \
        cx r = kern((cx){creal(z), cimag(z)}, &dom); \
        return ret_cx(z, r, dom); }
#define CFUNC(name, expr) \
    static Obj *c_##name(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { \
        double complex z; \
        if (one(#name, args, nargs, kw, &z) < 0) return NULL; \
        return check(z, expr(z)); }

KFUNC(sqrt, k_sqrt)
CFUNC(exp, cexp)
/* sin/cos/tan of (+-inf + finite j) are domain errors in CPython's tables. */
#define TRIG(name, expr) \
    static Obj *c_##name(Obj *self, Obj *const *args, size_t nargs, Obj *kw) { \
        double complex z; \
        if (one(#name, args, nargs, kw, &z) < 0) return NULL; \
        if (isinf(creal(z)) && isfinite(cimag(z))) return err_set_str(&Exc_ValueError, "math domain error"); \
        return expr; }
TRIG(sin, check(z, csin(z)))
TRIG(cos, check(z, ccos(z)))
TRIG(tan, (finite_c(z) ? ret_cx(z, k_tan((cx){creal(z), cimag(z)}), 0) : check(z, ctan(z))))
KFUNC(asin, k_asin)
KFUNC(acos, k_acos)
KFUNC_DOM(atan, k_atan)
CFUNC(sinh, csinh)
CFUNC(cosh, ccosh)
KFUNC(tanh, k_tanh)
KFUNC(asinh, k_asinh)
KFUNC(acosh, k_acosh)
KFUNC_DOM(atanh, k_atanh)

static Obj *c_log(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("log", kw) < 0) return NULL;
    if (nargs < 1 || nargs > 2)
        return err_format(&Exc_TypeError, nargs < 1 ? "log expected at least 1 argument, got %zu"
                                                    : "log expected at most 2 arguments, got %zu", nargs);
    double complex z, b;
    if (get_complex(args[0], &z) < 0) return NULL;
    int dom = 0;
    cx r = k_log((cx){creal(z), cimag(z)}, &dom);
    if (nargs == 2) {
        if (get_complex(args[1], &b) < 0) return NULL;
        cx lb = k_log((cx){creal(b), cimag(b)}, &dom);
        /* complex division as complex.__truediv__ (zero divisor: domain error) */
        double abr = fabs(lb.real), abi = fabs(lb.imag);
        cx q;
        if (abr >= abi) {
            if (abr == 0.0) { dom = 1; q.real = q.imag = 0.0; }
            else {
                double ratio = lb.imag / lb.real, denom = lb.real + lb.imag * ratio;
                q.real = (r.real + r.imag * ratio) / denom;
                q.imag = (r.imag - r.real * ratio) / denom;
            }
        } else if (abi >= abr) {
            double ratio = lb.real / lb.imag, denom = lb.real * ratio + lb.imag;
            q.real = (r.real * ratio + r.imag) / denom;
            q.imag = (r.imag * ratio - r.real) / denom;
        } else {
            q.real = q.imag = NAN;
        }
        r = q;
    }
    if (dom) return err_set_str(&Exc_ValueError, "math domain error");
    return ret(CMPLX_(r.real, r.imag));
}

static Obj *c_log10(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    double complex z;
    if (one("log10", args, nargs, kw, &z) < 0) return NULL;
    int dom = 0;
    cx r = k_log((cx){creal(z), cimag(z)}, &dom);
    if (dom) return err_set_str(&Exc_ValueError, "math domain error");
    return ret(CMPLX_(r.real / M_LN10, r.imag / M_LN10));
}

static Obj *c_phase(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    double complex z;
    if (one("phase", args, nargs, kw, &z) < 0) return NULL;
    return float_from_double(atan2(cimag(z), creal(z)));
}

static Obj *c_polar(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    double complex z;
    if (one("polar", args, nargs, kw, &z) < 0) return NULL;
    double r = hypot(creal(z), cimag(z));
    if (isinf(r) && finite_c(z)) return err_set_str(&Exc_OverflowError, "math range error");
    Obj *a = float_from_double(r), *p = float_from_double(atan2(cimag(z), creal(z)));
    if (!a || !p) { XDECREF(a); XDECREF(p); return NULL; }
    Obj *t = tuple_pack(2, a, p);
    DECREF(a);
    DECREF(p);
    return t;
}

static Obj *c_rect(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    if (args_no_kw("rect", kw) < 0) return NULL;
    if (nargs != 2) return err_format(&Exc_TypeError, "rect expected 2 arguments, got %zu", nargs);
    double r = float_as_double(args[0]);
    if (r == -1.0 && err_occurred()) return NULL;
    double phi = float_as_double(args[1]);
    if (phi == -1.0 && err_occurred()) return NULL;
    if (isfinite(r) && isinf(phi)) return err_set_str(&Exc_ValueError, "math domain error");
    if (phi == 0.0) return complex_from_doubles(r, r * phi);
    return complex_from_doubles(r * cos(phi), r * sin(phi));
}

static Obj *c_pred(Obj *const *args, size_t nargs, Obj *kw, const char *name, int which) {
    double complex z;
    if (one(name, args, nargs, kw, &z) < 0) return NULL;
    double a = creal(z), b = cimag(z);
    if (which == 0) RETURN_BOOL(isfinite(a) && isfinite(b));
    if (which == 1) RETURN_BOOL(isinf(a) || isinf(b));
    RETURN_BOOL(isnan(a) || isnan(b));
}
static Obj *c_isfinite(Obj *s, Obj *const *a, size_t n, Obj *k) { return c_pred(a, n, k, "isfinite", 0); }
static Obj *c_isinf(Obj *s, Obj *const *a, size_t n, Obj *k) { return c_pred(a, n, k, "isinf", 1); }
static Obj *c_isnan(Obj *s, Obj *const *a, size_t n, Obj *k) { return c_pred(a, n, k, "isnan", 2); }

static Obj *c_isclose(Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    Obj *o[4] = {NULL, NULL, NULL, NULL};
    if (args_parse("isclose", args, nargs, kw, names, 4, 2, 2, o) < 0) return NULL;
    double complex a, b;
    double rel = 1e-9, abst = 0.0;
    if (get_complex(o[0], &a) < 0 || get_complex(o[1], &b) < 0) return NULL;
    if (o[2] && (rel = float_as_double(o[2])) == -1.0 && err_occurred()) return NULL;
    if (o[3] && (abst = float_as_double(o[3])) == -1.0 && err_occurred()) return NULL;
    if (rel < 0.0 || abst < 0.0) return err_set_str(&Exc_ValueError, "tolerances must be non-negative");
    if (creal(a) == creal(b) && cimag(a) == cimag(b)) return True_;
    if (isinf(creal(a)) || isinf(cimag(a)) || isinf(creal(b)) || isinf(cimag(b))) return False_;
    double diff = cabs(a - b);
    RETURN_BOOL((diff <= rel * cabs(b)) || (diff <= rel * cabs(a)) || diff <= abst);
}

static MethodDef cmath_functions[] = {
    {"acos", c_acos, 0, NULL}, {"acosh", c_acosh, 0, NULL}, {"asin", c_asin, 0, NULL},
    {"asinh", c_asinh, 0, NULL}, {"atan", c_atan, 0, NULL}, {"atanh", c_atanh, 0, NULL},
    {"cos", c_cos, 0, NULL}, {"cosh", c_cosh, 0, NULL}, {"exp", c_exp, 0, NULL},
    {"isclose", c_isclose, 0, NULL}, {"isfinite", c_isfinite, 0, NULL}, {"isinf", c_isinf, 0, NULL},
    {"isnan", c_isnan, 0, NULL}, {"log", c_log, 0, NULL}, {"log10", c_log10, 0, NULL},
    {"phase", c_phase, 0, NULL}, {"polar", c_polar, 0, NULL}, {"rect", c_rect, 0, NULL},
    {"sin", c_sin, 0, NULL}, {"sinh", c_sinh, 0, NULL}, {"sqrt", c_sqrt, 0, NULL},
    {"tan", c_tan, 0, NULL}, {"tanh", c_tanh, 0, NULL},
    {NULL, NULL, 0, NULL}
};

Obj *module_init_cmath(void) {
    Obj *m = module_new("cmath");
    if (!m) return NULL;
    if (module_add_functions(m, cmath_functions) < 0 ||
        module_add(m, "pi", float_from_double(M_PI)) < 0 ||
        module_add(m, "e", float_from_double(M_E)) < 0 ||
        module_add(m, "tau", float_from_double(2.0 * M_PI)) < 0 ||
        module_add(m, "inf", float_from_double(INFINITY)) < 0 ||
        module_add(m, "nan", float_from_double(NAN)) < 0 ||
        module_add(m, "infj", complex_from_doubles(0.0, INFINITY)) < 0 ||
        module_add(m, "nanj", complex_from_doubles(0.0, NAN)) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
