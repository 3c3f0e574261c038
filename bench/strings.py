# String building and methods.
def build(n):
    parts = []
    for i in range(n):
        parts.append("item%d" % i)
    s = ",".join(parts)
    return s

def methods(s):
    words = s.split(",")
    up = [w.upper() for w in words]
    n = 0
    for w in up:
        if w.startswith("ITEM1") and w.endswith("7"):
            n += 1
        n += len(w.replace("ITEM", ""))
    return n, s.count("9"), s.find("item99999")

s = build(200_000)
print(len(s), methods(s))
acc = ""
for i in range(100_000):
    acc += str(i % 10)
print(len(acc), acc[:20])
print(f"{3.14159:.2f} {'x':>5} {42:08d}" * 2)
