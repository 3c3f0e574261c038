# N-body simulation with tuples, lists and float formatting (small run).
import math

SOLAR_MASS = 4 * math.pi ** 2
DAYS = 365.24

def body(x, y, z, vx, vy, vz, m):
    return [[x, y, z], [vx * DAYS, vy * DAYS, vz * DAYS], m * SOLAR_MASS]

bodies = [
    body(0, 0, 0, 0, 0, 0, 1),
    body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
    body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
]

def energy(bodies):
    e = 0.0
    for i, (r, v, m) in enumerate(bodies):
        e += 0.5 * m * sum(c * c for c in v)
        for r2, v2, m2 in bodies[i + 1:]:
            d = math.sqrt(sum((a - b) ** 2 for a, b in zip(r, r2)))
            e -= m * m2 / d
    return e

def step(bodies, dt):
    for i, (r1, v1, m1) in enumerate(bodies):
        for r2, v2, m2 in bodies[i + 1:]:
            dx, dy, dz = (a - b for a, b in zip(r1, r2))
            mag = dt / (dx * dx + dy * dy + dz * dz) ** 1.5
            for k, d in enumerate((dx, dy, dz)):
                v1[k] -= d * m2 * mag
                v2[k] += d * m1 * mag
    for r, v, m in bodies:
        for k in range(3):
            r[k] += dt * v[k]

print(f"{energy(bodies):.9f}")
for _ in range(1000):
    step(bodies, 0.01)
print(f"{energy(bodies):.9f}")
print([round(c, 4) for c in bodies[1][0]])
