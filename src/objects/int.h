/* int.h — int object layout and fast paths for the VM.
 *
 * Values in SMALLINT range are always returned TAGGED (canonical form) by
 * every exact-int result.  Heap IntObj (GMP mpz) holds only values outside
 * that range, except for instances of int subclasses, which are IntObj (+ the
 * subclass's extra fields after it) whatever their value.  bool instances are
 * the two immortal True_/False_ objects (plain Obj headers, value o == True_).
 */
#ifndef GILPY_INT_H
#define GILPY_INT_H

#include <gmp.h>
#include "gilpy.h"

typedef struct {
    OBJ_HEAD;
    mpz_t z;
} IntObj;
#define INT_MPZ(o) (((IntObj *)(o))->z)

/* Binary operations on two ints (any int, incl. bool / subclasses); both
 * operands MUST satisfy int_check().  Results are exact ints. */
Obj *int_add(Obj *a, Obj *b);
Obj *int_sub(Obj *a, Obj *b);
Obj *int_mul(Obj *a, Obj *b);
Obj *int_floordiv(Obj *a, Obj *b);
Obj *int_mod(Obj *a, Obj *b);
Obj *int_truediv(Obj *a, Obj *b);      /* float result, correctly rounded */
Obj *int_compare_op(Obj *a, Obj *b, int op);  /* bool result */
int int_compare(Obj *a, Obj *b);       /* -1 / 0 / 1, both ints */
/* Compare int `a` with double `d` exactly: -1/0/1, 2 if d is nan. */
int int_compare_double(Obj *a, double d);
/* New exact int from a GMP integer (tagged when it fits). */
Obj *int_from_mpz(mpz_srcptr z);
/* Read access to an int as mpz without allocation: `tmp` must outlive the result. */
typedef struct { __mpz_struct z; mp_limb_t limb; } IntTmp;
mpz_srcptr int_view(Obj *o, IntTmp *tmp);
/* Value of a bool/small int/heap int known to fit a C long long. */
static inline bool int_small_value(Obj *o, long long *out) {
    if (IS_SMALLINT(o)) { *out = SMALLINT_VALUE(o); return true; }
    return int_as_long_overflow(o, out) == 0;
}
/* Correctly rounded (half-even) mpz -> double; returns 0 ok, -1 overflow (no error set). */
int int_mpz_to_double(mpz_srcptr z, double *out);
/* Round q * 2**shift (q's lowest bit acting as sticky bit) to a double, half-even,
 * subnormals included.  0 ok, -1 overflow. */
int int_round_to_double(uint64_t q, long shift, double *out);
/* sys.set_int_max_str_digits / get (0 = unlimited). */
int int_get_max_str_digits(void);
void int_set_max_str_digits(int n);
/* int.__new__ worker and subtype allocation (intconv.c). */
Obj *int_new_impl(TypeObj *type, Obj *x, Obj *base);
Obj *int_subtype_from(TypeObj *type, Obj *exact);   /* instance of int subclass with exact's value */
/* Copy UTF-8 text to ASCII for numeric parsing: Unicode spaces -> ' ',
 * Unicode decimal digits -> '0'..'9', other non-ASCII -> '?'.  mem_alloc'd. */
char *int_transform_ascii(const char *s, ssize_t n, ssize_t *outlen);
/* Number formatting (numformat.c): format(x, spec) for int/float/complex. */
Obj *numformat_int(Obj *v, Obj *spec);
/* tname: type name for error messages (type(x).__name__). */
Obj *numformat_float(double d, Obj *spec, const char *tname);
Obj *numformat_complex(double re, double im, Obj *spec, const char *tname);
/* floatformat.c helpers */
#define FLOAT_FMT_SIGN     1   /* always emit a sign */
#define FLOAT_FMT_ADD_DOT_0 2  /* 'r'/'g' results that look like ints get ".0" */
#define FLOAT_FMT_ALT      4   /* '#' alternate form */
#define FLOAT_FMT_NO_NEG_0 8   /* 'z': -0.0 after rounding prints as 0 */
#define FLOAT_TYPE_FINITE 0
#define FLOAT_TYPE_INF    1
#define FLOAT_TYPE_NAN    2
/* Parse a whole float literal (ASCII, no whitespace, no '_', inf/nan words ok): 0 ok / -1 bad (no error set). */
int float_parse_cstr(const char *s, size_t len, double *out);  /* 0 ok / -1 bad (no error set) */
/* x ** y with float semantics (ZeroDivisionError, complex result for negative base ...). */
Obj *float_pow_double(double x, double y);

/* ---- VM fast paths: both operands tagged small ints --------------------- */
static inline Obj *int_add_small(Obj *a, Obj *b) {
    intptr_t r = SMALLINT_VALUE(a) + SMALLINT_VALUE(b);   /* 62-bit values: no C overflow */
    if (LIKELY(SMALLINT_FITS(r))) return MAKE_SMALLINT(r);
    return int_add(a, b);
}
static inline Obj *int_sub_small(Obj *a, Obj *b) {
    intptr_t r = SMALLINT_VALUE(a) - SMALLINT_VALUE(b);
    if (LIKELY(SMALLINT_FITS(r))) return MAKE_SMALLINT(r);
    return int_sub(a, b);
}
static inline Obj *int_mul_small(Obj *a, Obj *b) {
    long long r;
    if (LIKELY(!__builtin_mul_overflow((long long)SMALLINT_VALUE(a), (long long)SMALLINT_VALUE(b), &r)
               && SMALLINT_FITS(r)))
        return MAKE_SMALLINT(r);
    return int_mul(a, b);
}
/* Comparison of two tagged ints: returns True_/False_ (immortal). */
static inline Obj *int_compare_small(Obj *a, Obj *b, int op) {
    intptr_t x = SMALLINT_VALUE(a), y = SMALLINT_VALUE(b);
    bool r;
    switch (op) {
    case CMP_LT: r = x < y; break;
    case CMP_LE: r = x <= y; break;
    case CMP_EQ: r = x == y; break;
    case CMP_NE: r = x != y; break;
    case CMP_GT: r = x > y; break;
    default: r = x >= y; break;
    }
    return BOOL(r);
}
/* Floor division / modulo fast paths (y != 0 required; else use int_floordiv/int_mod). */
static inline Obj *int_floordiv_small(Obj *a, Obj *b) {
    intptr_t x = SMALLINT_VALUE(a), y = SMALLINT_VALUE(b);
    if (UNLIKELY(y == 0)) return int_floordiv(a, b);
    intptr_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    if (UNLIKELY(!SMALLINT_FITS(q))) return int_floordiv(a, b);
    return MAKE_SMALLINT(q);
}
static inline Obj *int_mod_small(Obj *a, Obj *b) {
    intptr_t x = SMALLINT_VALUE(a), y = SMALLINT_VALUE(b);
    if (UNLIKELY(y == 0)) return int_mod(a, b);
    intptr_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return MAKE_SMALLINT(r);
}

#endif
