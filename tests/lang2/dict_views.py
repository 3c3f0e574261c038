d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("c", 3) in i)
d["d"] = 4
print(list(k), list(reversed(d)), k & {"a", "z"}, k | {"z"} == {"a", "b", "c", "d", "z"}, k - {"a"} == {"b", "c", "d"})
print(d | {"e": 5}, {**d, "a": 0}, dict(zip("xy", range(2))), dict.fromkeys("ab", 0))
d |= {"a": 100}
print(d.pop("b"), d.popitem(), d.setdefault("q", []), d.get("zz", "dflt"), d)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
for bad in [lambda: d["missing"], lambda: {}.popitem(), lambda: d.pop("nope"), lambda: dict([(1, 2, 3)]), lambda: {[]: 1}]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
