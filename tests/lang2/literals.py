print(0x1F, 0o17, 0b1010, 1_000_000, 1e3, 1.5e-3, 3j, 0.5j + 1, .5, 5., 1_0.0_1)
print("con" "cat", b"by" b"tes", r"\n raw", "\x41\u00e9\U0001F600", "\N{BULLET}", '''tri
ple''', u"u")
print(..., type(...).__name__, Ellipsis is ..., None, True + True, 10 // 3, -10 // 3, -10 % 3, 2 ** -1)
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\t\n\x00\x7f"), ascii("é"))
print(1e16, 1e-5, 123456789.0, 0.1 + 0.2, float("nan"), -0.0, 2 ** 64, -2 ** 63, 10 ** 30 // 7)
