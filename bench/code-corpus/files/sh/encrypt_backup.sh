#!/usr/bin/env bash
openssl enc -des-cbc -salt -in backup.tar -out backup.tar.enc -pass env:BACKUP_PASS

openssl enc -aes-256-cbc -pbkdf2 -iter 600000 -salt -in backup.tar -out backup2.tar.enc -pass env:BACKUP_PASS
