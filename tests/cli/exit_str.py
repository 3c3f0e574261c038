import sys
sys.stdout.write('partial')
sys.exit('error message')
