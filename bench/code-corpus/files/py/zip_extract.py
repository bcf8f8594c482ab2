import os
import tarfile
import zipfile


def extract_upload(zip_path: str, dest: str):
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.namelist():
            target = os.path.join(dest, member)
            with open(target, "wb") as out:
                out.write(zf.read(member))


def extract_upload_safe(zip_path: str, dest: str):
    dest = os.path.realpath(dest)
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.namelist():
            target = os.path.realpath(os.path.join(dest, member))
            if os.path.commonpath([dest, target]) != dest:
                raise ValueError(f"unsafe path in archive: {member}")
            with open(target, "wb") as out:
                out.write(zf.read(member))


def extract_tar(tar_path: str, dest: str):
    with tarfile.open(tar_path) as tf:
        tf.extractall(dest)
