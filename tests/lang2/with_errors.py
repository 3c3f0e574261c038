class E:
    def __enter__(self): return 1
class X:
    async def __aenter__(self): pass
for m in [42, E()]:
    try:
        with m: pass
    except TypeError as e: print(e)
async def f(m):
    async with m: pass
for m in [42, X()]:
    try:
        f(m).send(None)
    except TypeError as e: print(e)
