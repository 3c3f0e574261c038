def inner(x):
    return x.upper() + 1

def outer(items):
    out = []
    for it in items:
        out.append(inner(it))
    return out

print(outer([]))
outer(['a'])
