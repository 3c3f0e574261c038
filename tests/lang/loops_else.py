for i in range(3):
    if i == 5:
        break
else:
    print("for completed", i)
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while done", n)
while True:
    n -= 1
    if n == 0:
        break
print(n)
for i in range(6):
    if i % 2:
        continue
    print("even", i)
for x in []:
    print("never")
else:
    print("empty loop else")
out = []
for i in range(3):
    for j in range(3):
        if j > i:
            break
        out.append((i, j))
print(out)
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    return -1
print(find("hello", "l"), find("hello", "z"))
