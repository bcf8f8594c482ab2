import os
import sys


def run_archiver(command):
    os.system(command)


def relay(target_dir, mode):
    run_archiver("tar czf /tmp/backup.tgz /srv/" + mode)


def handle(target):
    relay(target, "full")


def main():
    handle(sys.argv[1])


if __name__ == "__main__":
    main()
