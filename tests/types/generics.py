# GenericAlias and UnionType.
print(None | int, int | list[int], (int | str) | float, int | int, type(None | None) if False else 0)
print((int | str).__args__, (int | None).__args__, hash(int | str) == hash(str | int))
print(isinstance(None, int | None), issubclass(int, int | str), list[int] == list[int], list[int] != list[str])
print(dict[str, int].__origin__, tuple[()], list[int] | None)
try:
    int | 1
except TypeError as e: print(e)
try:
    isinstance(1, list[int] | None)
except TypeError as e: print(e)
