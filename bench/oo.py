# Object-oriented code: classes, attributes, method calls, inheritance.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)

class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return Point.norm1(self) + abs(self.z)

def run(n):
    p = Point(0, 0)
    d = Point(1, -2)
    total = 0
    for i in range(n):
        p = p.add(d)
        total += p.norm1()
        q = Point3(i, -i, i)
        total += q.norm1()
    return total

print(run(600_000))
