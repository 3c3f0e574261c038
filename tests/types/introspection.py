# Introspection of builtin descriptors, slot wrappers and types.
print(type(int.__add__).__name__, int.__add__.__name__, int.__add__.__qualname__, type((1).__add__).__name__)
print(object.__init__.__qualname__, type(object.__init__).__name__, type(object().__init__).__name__)
print([].append.__self__, [].append.__name__, type([].append).__name__, list.append.__objclass__)
print(int.__dict__['real'].__get__(5), type(int.__dict__['real']).__name__)
print(str.__new__(str, "x"), int.__new__(int, "5"), object.__new__(object).__class__.__name__)
print(list.__len__([1, 2]), dict.__getitem__({"a": 1}, "a"), str.__add__("a", "b"))
print((1).__eq__("a"), (1).__lt__(2), object.__eq__(1, 1), object.__ne__(1, 2))
print(int.__hash__(5), list.__hash__, type(list.__hash__).__name__)
print(len.__qualname__, len.__module__, print.__name__, abs.__self__.__name__)
class A:
    "Adoc"
    def m(self):
        "mdoc"
print(A.__doc__, A.m.__doc__, A().m.__doc__, type(A.__dict__).__name__)
print(A.__init__ is object.__init__, A.__repr__, A.__str__ is object.__str__)
print(int.__name__, int.__qualname__, int.__module__, type.__name__, object.__bases__, int.__base__)
print(type.__mro__, bool.__mro__)
print(sorted(n for n in dir(A) if n in ("__init__", "m", "__dict__", "__weakref__", "__module__")))
print(A.__flags__ & (1 << 9) != 0, int.__flags__ & (1 << 9) != 0)
print(super, type(super()) if False else 0, property, classmethod, staticmethod)
print(object.__subclasshook__(), object.__init_subclass__())
print(issubclass(type, object), isinstance(type, type), isinstance(object, type), type(type) is type)
print(NotImplemented.__class__, Ellipsis.__class__, type(None).__name__, bool(None), bool(NotImplemented) if False else 1)
