def test(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
def t1():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("caught", e)
    else:
        print("no")
    finally:
        print("finally")
t1()
def t2():
    try:
        return "try"
    finally:
        print("finally runs")
print(t2())
def t3():
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            print("body", i)
        finally:
            print("fin", i)
    return i
print(t3())
def t4():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise KeyError("outer")
    except KeyError as e:
        print(repr(e), repr(e.__context__), e.__cause__)
t4()
def t5():
    try:
        try:
            raise ValueError("a")
        except ValueError as ve:
            raise TypeError("b") from ve
    except TypeError as e:
        print(repr(e.__cause__), e.__suppress_context__)
    try:
        raise TypeError("c") from None
    except TypeError as e:
        print(e.__cause__, e.__suppress_context__)
t5()
def t6():
    try:
        raise
    except RuntimeError as e:
        print("RuntimeError", e)
t6()
def t7():
    try:
        raise ValueError("x")
    except ValueError:
        try:
            raise
        except ValueError as e:
            print("reraised", e)
t7()
def t8():
    e = None
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        print(e)
    except NameError as ne:
        print("NameError", ne)
    except UnboundLocalError as ue:
        print("UnboundLocalError", ue)
t8()
import sys
def t9():
    print(sys.exc_info()[0])
    try:
        raise KeyError(1)
    except KeyError:
        print(sys.exc_info()[0].__name__)
        try:
            raise IndexError(2)
        except IndexError:
            print(sys.exc_info()[0].__name__)
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0])
t9()
test(lambda: [][1])
test(lambda: {}["k"])
test(lambda: undefined_name)
def unbound():
    print(xx)
    xx = 1
test(unbound)
def free_unbound():
    def inner():
        return yy
    r = inner
    try:
        r()
    except NameError as e:
        print(type(e).__name__, e)
    yy = 1
free_unbound()
def raise_non_exc():
    raise 5
test(raise_non_exc)
def catch_non_exc():
    try:
        1 / 0
    except 5:
        pass
test(catch_non_exc)
class CM:
    def __init__(self, suppress): self.suppress = suppress
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return self.suppress
with CM(False) as cm:
    print("in with", type(cm).__name__)
with CM(True):
    raise ValueError("suppressed")
print("after suppressed")
test(lambda: exec("with CM(False):\n    raise KeyError('k')"))
def with_return():
    with CM(False):
        return "ret"
print(with_return())
with CM(False) as a, CM(False) as b:
    print("two")
test(lambda: exec("with 1: pass"))
def assert_fail():
    assert 1 == 2, "math is broken"
test(assert_fail)
def assert_fail2():
    assert False
test(assert_fail2)
def multi():
    try:
        raise OSError("os")
    except (KeyError, OSError) as e:
        print("tuple match", e)
multi()
def nested_finally():
    try:
        try:
            raise ValueError(1)
        finally:
            print("inner finally")
    except ValueError:
        print("outer caught")
nested_finally()
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(42)
except MyErr as e:
    print(e, e.code, e.args)
def gen_exc_in_handler():
    try:
        raise ValueError("v")
    except ValueError:
        return {}["missing"]
try:
    gen_exc_in_handler()
except KeyError as e:
    print(repr(e), repr(e.__context__))
