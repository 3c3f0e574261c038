# A tiny text adventure driven by a scripted list of commands.

class GameOver(Exception):
    pass


class Room:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.exits = {}
        self.items = []

    def connect(self, direction, other, back=None):
        self.exits[direction] = other
        if back:
            other.exits[back] = self

    def __str__(self):
        s = f"== {self.name} ==\n{self.description}"
        if self.items:
            s += "\nYou see: " + ", ".join(sorted(self.items))
        s += "\nExits: " + " ".join(sorted(self.exits))
        return s


class Player:
    def __init__(self, room):
        self.room = room
        self.inventory = set()
        self.moves = 0

    def do(self, line):
        self.moves += 1
        verb, _, arg = line.partition(" ")
        handler = getattr(self, "cmd_" + verb, None)
        if handler is None:
            return f"I don't know how to '{verb}'."
        return handler(arg)

    def cmd_look(self, arg):
        return str(self.room)

    def cmd_go(self, direction):
        try:
            nxt = self.room.exits[direction]
        except KeyError:
            return f"You can't go {direction}."
        if nxt.name == "Vault" and "key" not in self.inventory:
            return "The vault door is locked."
        self.room = nxt
        return str(nxt)

    def cmd_take(self, item):
        if item in self.room.items:
            self.room.items.remove(item)
            self.inventory.add(item)
            return f"Taken: {item}."
        return f"There is no {item} here."

    def cmd_inventory(self, arg):
        return "You carry: " + (", ".join(sorted(self.inventory)) or "nothing")

    def cmd_open(self, what):
        if what == "chest" and self.room.name == "Vault":
            raise GameOver(f"You found the treasure in {self.moves} moves!")
        return "Nothing to open."


hall = Room("Hall", "A dusty hall.")
library = Room("Library", "Shelves of old books.")
vault = Room("Vault", "A chest sits in the middle.")
garden = Room("Garden", "Overgrown roses.")
hall.connect("north", library, "south")
hall.connect("east", garden, "west")
library.connect("down", vault, "up")
garden.items += ["key", "rose"]
library.items.append("book")

player = Player(hall)
script = ["look", "go north", "go down", "dance", "go south", "go east", "take key",
          "take sword", "inventory", "go west", "go north", "take book", "go down", "open chest"]
try:
    for line in script:
        print(f"> {line}")
        print(player.do(line))
except GameOver as e:
    print("*", e)
print("moves:", player.moves, "inventory:", sorted(player.inventory))
