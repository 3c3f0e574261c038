# Dict and list heavy code: word counting, grouping, sorting.
def run(n):
    counts = {}
    for i in range(n):
        k = "k%d" % (i % 1000)
        counts[k] = counts.get(k, 0) + 1
    groups = {}
    for k, v in counts.items():
        groups.setdefault(v % 7, []).append(k)
    lst = [(v, k) for k, v in counts.items()]
    lst.sort()
    total = 0
    for i in range(n):
        d = {"a": i, "b": i + 1}
        total += d["a"] + d["b"]
    return len(groups), lst[:3], total

print(run(1_200_000))
