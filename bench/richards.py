# A task scheduler simulation in the style of the Richards benchmark:
# many small objects, method calls, attribute access and branches.
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst

class Task:
    def __init__(self, ident, priority, queue):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.count = 0

    def run(self, sched):
        self.count += 1
        if self.queue is not None:
            pkt = self.queue
            self.queue = pkt.link
            pkt.datum += self.ident
            target = (self.ident + pkt.datum) % sched.ntasks
            sched.send(pkt, target)
        return self.count

class Scheduler:
    def __init__(self, ntasks):
        self.ntasks = ntasks
        self.tasks = [Task(i, i % 3, None) for i in range(ntasks)]
        for i in range(ntasks * 2):
            t = self.tasks[i % ntasks]
            t.queue = Packet(None, i, i % 2).append_to(t.queue)

    def send(self, pkt, target):
        t = self.tasks[target]
        t.queue = pkt.append_to(t.queue)

    def schedule(self, rounds):
        total = 0
        for r in range(rounds):
            for t in self.tasks:
                if t.priority <= r % 3:
                    total += t.run(self)
        return total

s = Scheduler(20)
print(s.schedule(90_000))
print(sum(t.count for t in s.tasks))
