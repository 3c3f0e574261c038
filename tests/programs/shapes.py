# A class hierarchy simulation: abstract-ish bases, properties, class and
# static methods, super(), dunder methods, sorting and operator overloading.
import math


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1
        self.id = Shape.count

    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def perimeter(self):
        raise NotImplementedError

    def __lt__(self, other):
        return self.area() < other.area()

    def __eq__(self, other):
        return isinstance(other, Shape) and self.area() == other.area()

    __hash__ = None

    def __repr__(self):
        return f"<{type(self).__name__} {self.name} #{self.id} area={self.area():.2f}>"

    @classmethod
    def created(cls):
        return f"{cls.__name__}: {Shape.count} shapes so far"

    @staticmethod
    def unit():
        return Square("unit", 1)


class Rect(Shape):
    def __init__(self, name, w, h):
        super().__init__(name)
        self._w, self._h = w, h

    @property
    def width(self):
        return self._w

    @width.setter
    def width(self, value):
        if value <= 0:
            raise ValueError("width must be positive")
        self._w = value

    def area(self):
        return self._w * self._h

    def perimeter(self):
        return 2 * (self._w + self._h)


class Square(Rect):
    def __init__(self, name, side):
        super().__init__(name, side, side)

    def __add__(self, other):
        if isinstance(other, Square):
            return Square(self.name + "+" + other.name, math.sqrt(self.area() + other.area()))
        return NotImplemented


class Circle(Shape):
    def __init__(self, name, r):
        super().__init__(name)
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Blob(Shape):
    pass


shapes = [Rect("door", 1, 2), Square("tile", 3), Circle("coin", 1), Square.unit(), Circle("plate", 2)]
for s in sorted(shapes):
    print(s, f"perimeter={s.perimeter():.3f}")
print(Shape.created(), Circle.created())
print(max(shapes).name, min(shapes, key=lambda s: s.perimeter()).name)
print(Square("a", 3) + Square("b", 4))
print(Square("a", 2) == Rect("b", 1, 4), Square("a", 2) != Circle("c", 1))
print(isinstance(shapes[1], Rect), issubclass(Square, Shape), Square.__mro__)
r = shapes[0]
r.width = 5
print(r.width, r.area())
for action in (lambda: setattr(r, "width", -1), lambda: Blob("x").area(), lambda: Square("a", 1) + 1,
               lambda: hash(r), lambda: {r}, lambda: Shape.perimeter(r)):
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
