for src in ["[0] * (2**60)", "'a' * (2**62)", "bytearray(2**62)", "list(range(2**61))", "1 << (1 << 62)"]:
    try:
        eval(src)
    except (MemoryError, OverflowError, ValueError) as e:
        print(src, type(e).__name__, e)
x = ((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))
print(x)
try:
    eval("(" * 100000 + ")" * 100000)
except SyntaxError as e:
    print(e)
