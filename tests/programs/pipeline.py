# Generator pipelines: producers, filters, transformers, send(), yield from,
# generator expressions and early termination with close().

def read_lines(text):
    for line in text.splitlines():
        yield line


def parse_records(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, dept, salary = line.split(",")
        yield {"name": name, "dept": dept, "salary": int(salary)}


def by_dept(records, dept):
    return (r for r in records if r["dept"] == dept)


def running_total():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


def chunks(it, n):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def delegator():
    result = yield from running_total()
    yield f"delegated total {result}"


DATA = """
# name,dept,salary
ada,eng,120
grace,eng,130
linus,ops,90
guido,eng,140
ken,ops,95

dennis,research,150
"""

records = list(parse_records(read_lines(DATA)))
print(len(records), [r["name"] for r in by_dept(records, "eng")])
print(sum(r["salary"] for r in records), max(records, key=lambda r: r["salary"])["name"])

acc = running_total()
next(acc)
for r in records:
    print("running", acc.send(r["salary"]))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)

print(list(chunks(range(10), 3)))
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))

d = delegator()
next(d)
d.send(5)
d.send(7)
print(d.send(None))

def infinite():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("cleanup at", n)

g = infinite()
print([next(g) for _ in range(3)])
g.close()
print(list(zip("abc", infinite())))

gen = (x * x for x in range(4))
print(next(gen), list(gen), list(gen))
try:
    next(gen)
except StopIteration:
    print("exhausted")
