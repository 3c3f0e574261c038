# types module: names of builtin types, SimpleNamespace, new_class
import types, sys

def f(): pass
class C:
    def m(self): pass

print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType)
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType))
print(isinstance([].append, types.BuiltinMethodType), isinstance(f.__code__, types.CodeType))
print(isinstance(sys, types.ModuleType), type(None) is types.NoneType)
print(type(...) is types.EllipsisType, type(NotImplemented) is types.NotImplementedType)
def g(): yield 1
print(isinstance(g(), types.GeneratorType))
async def co(): pass
c = co()
print(isinstance(c, types.CoroutineType))
c.close()
print(types.WrapperDescriptorType.__name__, types.MethodWrapperType.__name__)
print(types.MethodDescriptorType.__name__, types.ClassMethodDescriptorType.__name__)
print(types.GetSetDescriptorType.__name__, types.MemberDescriptorType.__name__)
print(types.MappingProxyType.__name__, types.TracebackType.__name__, types.FrameType.__name__)
try:
    raise ValueError
except ValueError as e:
    print(isinstance(e.__traceback__, types.TracebackType), isinstance(e.__traceback__.tb_frame, types.FrameType))

mp = types.MappingProxyType({"a": 1})
print(mp["a"], len(mp), "a" in mp)
try:
    mp["b"] = 2
except TypeError as e:
    print("TypeError", e)

ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns.b)
ns.c = [1]
print(ns)
print(ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns == types.SimpleNamespace())
del ns.a
print(ns, types.SimpleNamespace())
try:
    types.SimpleNamespace({"k": 2}, z=3)
except TypeError as e:
    print("TypeError", e)
try:
    ns.nope
except AttributeError as e:
    print("AttributeError", e.name)  # message names 'types.SimpleNamespace' in CPython
try:
    hash(ns)
except TypeError as e:
    print("TypeError")

N = types.new_class("N", (object,), {}, lambda d: d.update(x=5))
print(N.__name__, N.x, N().x)
class Meta(type):
    pass
M = types.new_class("M", (), {"metaclass": Meta})
print(type(M).__name__)
meta, ns2, kw = types.prepare_class("Z", (int,), {"metaclass": Meta, "k": 1})
print(meta.__name__, ns2, kw)
print(types.resolve_bases((int, str)))
class B:
    def __mro_entries__(self, bases):
        return (int,)
print(types.resolve_bases((B(), str)))
