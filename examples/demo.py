# A small tour of what gilpy runs today: classes, generators, closures,
# comprehensions, exceptions and f-strings.  `make demo` runs it.

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def make_multiplier(k):
    return lambda x: x * k


accounts = [Account(name) for name in ("ada", "linus", "guido")]
for i, acct in enumerate(accounts):
    acct.deposit(10 * (i + 1))
print(accounts)

try:
    accounts[0].deposit(-5)
except ValueError as e:
    print("refused:", e)

fibs = []
for n in fibonacci():
    if n > 100:
        break
    fibs.append(n)
print("fibonacci:", fibs)

triple = make_multiplier(3)
print("tripled squares:", [triple(x * x) for x in range(6)])
print("2**100 =", 2 ** 100)
words = "the quick brown fox jumps over the lazy dog".split()
print("longest word:", max(words, key=len), "| sorted:", sorted(set(words))[:4])
print(f"{'total':>8}: {sum(a.balance for a in accounts):6.2f}")
