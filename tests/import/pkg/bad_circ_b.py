from .bad_circ_a import X
Y = 2
