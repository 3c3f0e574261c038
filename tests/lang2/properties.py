class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
del t.celsius
for bad in [lambda: setattr(t, "fahrenheit", 1), lambda: delattr(t, "fahrenheit"), lambda: setattr(t, "celsius", -300), lambda: t.celsius]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class K:
    @classmethod
    def make(cls, *a):
        return cls, a
    @staticmethod
    def util(x):
        return x + 1
class K2(K):
    pass
print(K2.make(1), K.util(1), K2().util(2), K.make.__self__ is K, type(K.__dict__["util"]).__name__)
