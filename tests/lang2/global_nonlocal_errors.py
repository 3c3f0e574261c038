cases = [
    "def f():\n    x = 1\n    global x\n",
    "nonlocal x\n",
    "def f():\n    nonlocal y\n",
    "def f(a):\n    global a\n",
    "return 5\n",
    "yield 1\n",
    "break\n",
    "def f():\n    continue\n",
    "class C:\n    return 1\n",
    "await x\n",
    "def f(a, a): pass\n",
    "f(x=1, x=2)\n",
    "del f()\n",
    "(a, b) += 1\n",
    "x = yield = 3\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(f"{e.msg} | line {e.lineno} offset {e.offset}")
