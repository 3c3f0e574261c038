def area(w, h):
    return w * h

result = area(3)
