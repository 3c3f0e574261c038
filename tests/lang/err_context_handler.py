def risky():
    raise ValueError("first problem")

try:
    risky()
except ValueError:
    print("handling")
    {}["missing"]
