print("{0}{1}{0}".format("a", "b"), "{:>{w}}".format("x", w=4), "{0:^{1}.{2}}".format("abcdef", 9, 3), "{}".format("é"), "{:é^7}".format("x"))
print("{0.real}/{0.imag}".format(3), "{a[0]}{a[1]}".format(a="xy"), "{d[key]}".format(d={"key": 1}), "{:}".format(5), "{!r:^9}".format("q"))
print("{:10}|{:<10}|{:>10}".format("s", "s", "s"), "{:.0}".format("abc"), "{:5.1}|".format("xyz"), "{:\x00>3}".format("a") == "\x00\x00a")
print(format("abc", ""), format("abc", "s"), format("abc", ">6s"), format("✓✓", "*^6"), format(42, "05d"), format(3.5, ".2f"), f"{'x':>3}")
print("%s|%-6s|%6s|%.1s" % ("é✓", "é", "✓", "✓x"), "%r" % "\n", "%a" % "✓", "%-5c|" % "é", "%5c|" % 0x263A)
print("%(x)s %(x)r %(y)05.1f" % {"x": "v", "y": 2.25}, "%s" % (("a", "b"),), "%s" % [("a",)], "%d %d" % (True, False))
print("%#X %#o %x %o" % (0, 0, 2**70, 2**70), "%d" % -2**70, "%+05d" % 3, "%-+5d|" % 3, "% 05d" % -3, "%.5d" % -42, "%10.4x|" % 255)
print("%e" % 0, "%g" % 100000, "%g" % 1000000, "%G" % 1e-5, "%#g" % 1, "%.3e" % 123456, "%08.2f" % -3.14159, "%-8.2f|" % 3.14159, "%+.1f" % 2.25, "% f" % 1)
print("%s %s" % (None, ...), "%x" % True, "%c" % 10 == "\n", "%%%s%%" % "x")
class F:
    def __format__(self, spec):
        return "F[" + spec + "]"
    def __str__(self):
        return "Fstr"
    def __repr__(self):
        return "Frepr"
print("{}|{:xyz}|{!s}|{!r}|{0:>{1}}".format(F(), F(), F(), F(), ) if False else "{0}|{0:xyz}|{0!s}|{0!r}".format(F()))
print("%s %r" % (F(), F()), format(F(), "abc"))
