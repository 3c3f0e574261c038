# run as a normal script; reads program text from stdin via exec
import sys
src = sys.stdin.read()
exec(src)
