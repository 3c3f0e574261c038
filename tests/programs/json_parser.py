# A small recursive-descent JSON parser and serializer written in pure Python.

class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos


class Parser:
    WS = " \t\n\r"

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def peek(self):
        self.skip()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in self.WS:
            self.pos += 1

    def expect(self, ch):
        if self.peek() != ch:
            raise ParseError(f"expected {ch!r}", self.pos)
        self.pos += 1

    def parse(self):
        value = self.value()
        if self.peek():
            raise ParseError("trailing data", self.pos)
        return value

    def value(self):
        c = self.peek()
        if c == "{":
            return self.obj()
        if c == "[":
            return self.array()
        if c == '"':
            return self.string()
        if c == "-" or c.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        raise ParseError("unexpected character " + repr(c), self.pos)

    def obj(self):
        self.expect("{")
        result = {}
        if self.peek() == "}":
            self.pos += 1
            return result
        while True:
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}")
            return result

    def array(self):
        self.expect("[")
        items = []
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            if self.peek() == ",":
                self.pos += 1
            else:
                self.expect("]")
                return items

    ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def string(self):
        self.expect('"')
        out = []
        while True:
            if self.pos >= len(self.text):
                raise ParseError("unterminated string", self.pos)
            c = self.text[self.pos]
            self.pos += 1
            if c == '"':
                return "".join(out)
            if c == "\\":
                e = self.text[self.pos]
                self.pos += 1
                if e == "u":
                    out.append(chr(int(self.text[self.pos:self.pos + 4], 16)))
                    self.pos += 4
                else:
                    out.append(self.ESCAPES[e])
            else:
                out.append(c)

    def number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and (self.text[self.pos].isdigit() or self.text[self.pos] in ".eE+-"):
            self.pos += 1
        s = self.text[start:self.pos]
        if "." in s or "e" in s or "E" in s:
            return float(s)
        return int(s)


def dumps(v, indent=0):
    pad = "  " * indent
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        if not v:
            return "[]"
        inner = (",\n").join(pad + "  " + dumps(x, indent + 1) for x in v)
        return "[\n" + inner + "\n" + pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        inner = ",\n".join(f'{pad}  "{k}": {dumps(x, indent + 1)}' for k, x in sorted(v.items()))
        return "{\n" + inner + "\n" + pad + "}"
    raise TypeError(f"cannot serialize {type(v).__name__}")


doc = '''
{"name": "gilpy", "version": [0, 1, 2], "threads": true, "gil": null,
 "ratio": 0.95, "big": 12345678901234567890123, "nested": {"a": [1, {"b": "c\\n\\u0041"}], "e": -1.5e3},
 "empty": {}, "none": []}
'''
data = Parser(doc).parse()
print(data["name"], data["version"], data["big"] * 2)
print(data["nested"]["a"][1]["b"])
print(dumps(data))
print(Parser(dumps(data)).parse() == data)

for bad in ['{"a" 1}', '[1, 2', '{"a": tru}', '"abc', '[1] 2']:
    try:
        Parser(bad).parse()
    except ParseError as e:
        print("error:", e, "| pos", e.pos)
    except (IndexError, KeyError) as e:
        print("internal:", type(e).__name__)

try:
    dumps({"x": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
