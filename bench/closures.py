# Closures and higher-order functions.
def make_adder(n):
    def add(x):
        return x + n
    return add

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def run(n):
    adders = [make_adder(i) for i in range(10)]
    c = make_counter()
    total = 0
    for i in range(n):
        total += adders[i % 10](i)
        c()
    total += sum(map(lambda x: x * 2, range(n // 4)))
    return total, c()

print(run(1_800_000))
