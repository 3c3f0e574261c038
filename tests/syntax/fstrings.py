# f-strings: conversions, format specs, nesting, self-documenting '='.
a, b, w, p = 3.14159, 'hi', 10, 3
print(f'{a}', f'{a:.2f}', f'{a:{w}.{p}}', f'{b!r}', f'{b!s:>5}|', f'{b!a}')
print(f'{a=}', f'{b = }', f'{a=:.1f}', f'{b=!s}', f'{w*2=}')
print(f'{{literal}} {{{w}}}', f'{w}}}', f'{{{{')
print(f"{'nested'} {f'{w}'} {f'{f"{p}"}'}")
print(f'{[x * 2 for x in range(3)]}', f'{ {"k": 1}["k"] }', f'{(lambda: 5)()}')
print(f'{w:#x} {w:08b} {w:+d} {1234567:,} {0.25:%}')
print(f'{"é€":^7}|', f'{w!r:>4}|')
print(f'{a if w > 5 else b}', f'{w, p}', f'{(w, p)}')
print(rf'\d{w}\n', fr'{p}\t')
print(f'''multi
{w}
line''')
print(f'{w:{"<" if p else ">"}{w}}|')
def gen():
    yield f'{(yield)}'
g = gen(); print(next(g)); print(g.send('sent'))
import datetime
print(f'{datetime.date(2024, 1, 2):%Y/%m/%d}')
