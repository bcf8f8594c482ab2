import os
import sys


def convert(src, dst):
    cmd = "convert %s -resize 800x600 %s" % (src, dst)
    os.system(cmd)


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
