class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, e.code, repr(e), e.args)

class Quiet(Exception):
    pass

raise Quiet()
