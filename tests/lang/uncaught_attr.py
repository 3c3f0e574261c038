class Point:
    def __init__(self):
        self.x = 1

p = Point()
print(p.x)
value = p.x + p.y * 2
