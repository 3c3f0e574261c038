# Comprehensions, sorting with keys, tuple unpacking, builtins.
def run(n):
    data = [(i * 7919 % 1000, "n%d" % i) for i in range(n)]
    data.sort(key=lambda t: (t[0], t[1]))
    evens = {k: v for k, v in data if k % 2 == 0}
    s = {k % 97 for k, _ in data}
    m = max(data, key=lambda t: t[1])
    total = sum(k for k, _ in data)
    flat = [x for row in [[i, i + 1, i + 2] for i in range(n // 10)] for x in row]
    return len(evens), len(s), m, total, len(flat), sorted(s)[:5]

for _ in range(3):
    r = run(100_000)
print(r)
