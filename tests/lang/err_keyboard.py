def deep(n):
    if n == 0:
        raise KeyboardInterrupt
    deep(n - 1)

deep(3)
