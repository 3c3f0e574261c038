print("side module imported once")
X = 42
if __name__ == "__main__":
    print("not when imported")
