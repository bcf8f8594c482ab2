#!/usr/bin/env bash
set -e

wget --no-check-certificate https://downloads.example.org/tool-1.2.3.tar.gz

wget https://downloads.example.org/tool-1.2.3.tar.gz.asc
tar xzf tool-1.2.3.tar.gz
