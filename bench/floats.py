# Float arithmetic in a loop (numerical integration + Newton iterations).
def integrate(n):
    h = 1.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h

def newton(k):
    total = 0.0
    for v in range(1, k):
        x = float(v)
        for _ in range(8):
            x = 0.5 * (x + v / x)
        total += x
    return total

print("%.10f" % integrate(3_000_000))
print("%.6f" % newton(200_000))
