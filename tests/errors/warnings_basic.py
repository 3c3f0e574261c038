import sys
import warnings
warnings.warn("first")
warnings.warn("dep", DeprecationWarning)
def f():
    warnings.warn("in f", RuntimeWarning, stacklevel=2)
f()
f()
for i in range(3):
    warnings.warn("loop")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    print(len(w), str(w[0].message), w[0].category.__name__)
warnings.simplefilter("error")
try:
    warnings.warn("boom")
except UserWarning as e:
    print("raised", e)
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="ign")
warnings.warn("ignored message")
warnings.warn("shown message")
print("done")
