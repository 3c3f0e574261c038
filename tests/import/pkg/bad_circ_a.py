from .bad_circ_b import Y
X = 1
