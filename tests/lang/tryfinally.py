def f(n):
    try:
        if n == 0:
            return "zero"
        if n == 1:
            raise ValueError("one")
        return "other"
    except ValueError as e:
        return f"caught {e}"
    else:
        print("else runs only without exception")
    finally:
        print("finally", n)

print(f(0)); print(f(1)); print(f(2))

def g():
    try:
        return 1
    finally:
        return 2
print(g())

def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("fin", i)
h()

try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))

try:
    raise TypeError("x")
except (ValueError, TypeError) as e:
    print("tuple match", type(e).__name__)

e = "keep"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)

def nested():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as t:
            return repr(t.__context__)
print(nested())

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
except RuntimeError as r:
    print(repr(r.__cause__), r.__suppress_context__)

try:
    try:
        raise ValueError(1)
    except ValueError:
        raise
except ValueError as v:
    print("reraised", v.args)

import sys
try:
    raise IndexError("idx")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
