# Integer loops: while and for over range, arithmetic on small ints.
def count(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    return total

def ranges(n):
    s = 0
    for i in range(n):
        if i & 1:
            s += i
        else:
            s -= 1
    return s

print(count(3_000_000), ranges(3_000_000))
