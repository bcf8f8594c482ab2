//! Behaviours added from NIST Juliet C/C++-style material (issue 3): functions and values
//! named through one-token `#define`s, data received into an offset of a buffer, wide-char
//! string functions, the Windows CRT's exec/spawn families and path sinks. Each is a
//! vulnerable/safe pair that differ in the one thing the behaviour is about.

use airlock_code::Language;

use crate::support;

fn reported_at(src: &str, lang: Language, line: usize, rule: &str) -> bool {
    support::reported_at(src, lang, line, rule)
}

fn reported(src: &str, lang: Language, rule: &str) -> bool {
    support::reported(src, lang, rule)
}

/// A C function that reads a peer's bytes after a fixed prefix and hands the buffer to `run`.
fn received(read: &str, run: &str) -> String {
    format!(
        "#include <sys/socket.h>\n#include <stdlib.h>\n#include <string.h>\n\n#define RUN_SHELL system\n\nvoid serve(int peer)\n{{\n    char line[128] = \"report \";\n    size_t used = strlen(line);\n{read}\n    {run};\n}}\n"
    )
}

#[test]
fn a_function_called_through_a_define_is_that_function() {
    let tainted = received(
        "    recv(peer, line + used, sizeof(line) - used - 1, 0);",
        "RUN_SHELL(line)",
    );
    assert!(
        reported_at(&tainted, Language::C, 12, "command-injection"),
        "{tainted}"
    );
    let fixed = received("    strcat(line, \"--daily\");", "RUN_SHELL(line)");
    assert!(
        !reported(&fixed, Language::C, "command-injection"),
        "{fixed}"
    );
    // A define naming something that is not a command runner stays quiet with the same data.
    let other = received(
        "    recv(peer, line + used, sizeof(line) - used - 1, 0);",
        "puts(line)",
    )
    .replace("#define RUN_SHELL system", "#define RUN_SHELL puts");
    assert!(
        !reported(&other, Language::C, "command-injection"),
        "{other}"
    );
}

#[test]
fn bytes_received_through_a_cast_offset_fill_the_buffer() {
    let cast = received(
        "    recv(peer, (char *)(line + used), sizeof(line) - used - 1, 0);",
        "system(line)",
    );
    assert!(
        reported_at(&cast, Language::C, 12, "command-injection"),
        "{cast}"
    );
    // Received into another buffer: `line` keeps its constant text.
    let elsewhere = received(
        "    char scratch[64];\n    recv(peer, (char *)(scratch + 0), sizeof(scratch), 0);",
        "system(line)",
    );
    assert!(
        !reported(&elsewhere, Language::C, "command-injection"),
        "{elsewhere}"
    );
}

/// `execl` through defines for the shell, its flag and the argument.
fn exec_via_defines(flag: &str, source: &str) -> String {
    format!(
        "#include <unistd.h>\n#include <stdlib.h>\n#include <string.h>\n\n#define SHELL_PATH \"/bin/sh\"\n#define SHELL_FLAG \"{flag}\"\n#define ARGUMENT job\n#define LAUNCH execl\n\nvoid launch(void)\n{{\n    char job[200] = \"tar czf /backup/out.tgz \";\n{source}\n    LAUNCH(SHELL_PATH, SHELL_PATH, SHELL_FLAG, ARGUMENT, NULL);\n}}\n"
    )
}

#[test]
fn exec_arguments_named_by_defines_are_read_through_them() {
    let env = "    char *more = getenv(\"BACKUP_DIRS\");\n    if (more != NULL) strncat(job, more, sizeof(job) - strlen(job) - 1);";
    let shell = exec_via_defines("-c", env);
    assert!(
        reported_at(&shell, Language::C, 15, "command-injection"),
        "{shell}"
    );
    // Without a shell flag the value is one argument of the program, not a command line.
    let no_shell = exec_via_defines("-v", env);
    assert!(
        !reported(&no_shell, Language::C, "command-injection"),
        "{no_shell}"
    );
    // A constant argument through the same defines.
    let constant = exec_via_defines("-c", "    strcat(job, \"/home\");");
    assert!(
        !reported(&constant, Language::C, "command-injection"),
        "{constant}"
    );
}

#[test]
fn wide_char_input_and_the_windows_crt_spawn_family() {
    let src = |read: &str| {
        format!(
            "#include <process.h>\n#include <wchar.h>\n\nvoid run_tool(void)\n{{\n    wchar_t arg[100] = L\"dir \";\n    size_t n = wcslen(arg);\n{read}\n    _wspawnl(_P_WAIT, L\"C:\\\\Windows\\\\System32\\\\cmd.exe\", L\"cmd.exe\", L\"/c\", arg, NULL);\n}}\n"
        )
    };
    let tainted = src("    fgetws(arg + n, (int)(100 - n), stdin);");
    assert!(
        reported_at(&tainted, Language::C, 9, "command-injection"),
        "{tainted}"
    );
    let env = src("    wchar_t *extra = _wgetenv(L\"TOOL_ARGS\");\n    if (extra) wcsncat(arg + n, extra, 100 - n - 1);");
    assert!(
        reported_at(&env, Language::C, 10, "command-injection"),
        "{env}"
    );
    let fixed = src("    wcscat(arg, L\"/b\");");
    assert!(
        !reported(&fixed, Language::C, "command-injection"),
        "{fixed}"
    );
}

#[test]
fn windows_and_crt_path_sinks() {
    let open = |call: &str| {
        format!(
            "#include <windows.h>\n#include <stdio.h>\n\nvoid fetch(SOCKET s)\n{{\n    char name[260] = \"C:\\\\data\\\\\";\n    size_t n = strlen(name);\n    recv(s, name + n, (int)(sizeof(name) - n - 1), 0);\n    {call};\n}}\n"
        )
    };
    for call in [
        "HANDLE h = CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL)",
        "int fd = _open(name, 0)",
        "FILE *f = NULL; fopen_s(&f, name, \"rb\")",
    ] {
        let v = open(call);
        assert!(reported_at(&v, Language::C, 9, "path-traversal"), "{v}");
    }
    let safe = open("HANDLE h = CreateFileA(\"C:\\\\data\\\\index.txt\", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL)");
    assert!(!reported(&safe, Language::C, "path-traversal"), "{safe}");
    // fopen_s: the mode is not the path.
    let mode = open("FILE *f = NULL; fopen_s(&f, \"C:\\\\data\\\\index.txt\", name)");
    assert!(!reported(&mode, Language::C, "path-traversal"), "{mode}");
}

#[test]
fn a_file_stream_opened_later_with_a_received_path() {
    let src = |path: &str| {
        format!(
            "#include <fstream>\n#include <sys/socket.h>\n\nvoid load(int peer)\n{{\n    char path[256] = \"/var/cache/\";\n    size_t used = strlen(path);\n    recv(peer, (char *)(path + used), sizeof(path) - used - 1, 0);\n    std::ifstream in;\n    in.open({path});\n    in.close();\n}}\n"
        )
    };
    let v = src("path");
    assert!(reported_at(&v, Language::Cpp, 10, "path-traversal"), "{v}");
    let s = src("\"/var/cache/index\"");
    assert!(!reported(&s, Language::Cpp, "path-traversal"), "{s}");
}

#[test]
fn a_wrapper_or_constant_named_after_a_broken_cipher() {
    let src = |body: &str| {
        format!(
            "#include <stddef.h>\nvoid seal_legacy(unsigned char *buf, size_t n, const unsigned char *key);\nvoid seal_modern(unsigned char *buf, size_t n, const unsigned char *key);\nvoid select_cipher(int algo);\n#define CIPHER_TDES 3\n#define CIPHER_AES256 7\n\nvoid store(unsigned char *buf, size_t n, const unsigned char *key)\n{{\n{body}\n}}\n"
        )
    };
    for weak in [
        "    legacyEncryptDES(buf, n, key);",
        "    RC4_Encrypt_Block(buf, n, key);",
        "    select_cipher_algorithm(CIPHER_TDES);",
        "    set_cipher(\"3DES\");",
    ] {
        let v = src(weak);
        assert!(reported_at(&v, Language::C, 10, "weak-cipher"), "{v}");
    }
    for fine in [
        "    legacyEncryptAES(buf, n, key);",
        "    select_cipher_algorithm(CIPHER_AES256);",
        // `des` as a word of its own with nothing about encryption, and `des` meaning
        // destination in a copy.
        "    describe_des(buf);",
        "    unsigned char des[16]; memcpy(des, key, 16);",
        // Comparing a configured name with a broken cipher's is how code refuses it.
        "    if (strcmp((const char *)key, \"DES\") == 0) return;",
    ] {
        let s = src(fine);
        assert!(!reported(&s, Language::C, "weak-cipher"), "{s}");
    }
}

#[test]
fn a_file_read_with_fread_is_data_and_a_number_parsed_from_it_is_not() {
    let src = |build: &str| {
        format!(
            "#include <stdio.h>\n#include <stdlib.h>\n\nvoid rotate(FILE *cfg)\n{{\n    char field[64];\n    char cmd[256];\n    fread(field, 1, sizeof(field) - 1, cfg);\n{build}\n    system(cmd);\n}}\n"
        )
    };
    let v = src("    snprintf(cmd, sizeof(cmd), \"logrotate %s\", field);");
    assert!(reported_at(&v, Language::C, 10, "command-injection"), "{v}");
    let s = src("    long keep = strtol(field, NULL, 10);\n    snprintf(cmd, sizeof(cmd), \"logrotate -k %ld /etc/app.conf\", keep);");
    assert!(!reported(&s, Language::C, "command-injection"), "{s}");
}

#[test]
fn a_literal_copied_into_a_key_or_password_buffer() {
    let src = |fill: &str| {
        format!(
            "#include <string.h>\n#include <stdio.h>\n#define SERVICE_KEY \"Zk84_mq!2v\"\n\nint unlock(void)\n{{\n    char cryptoKey[64] = \"\";\n    char password[64] = \"\";\n{fill}\n    return derive_and_login(cryptoKey, password);\n}}\n"
        )
    };
    let define =
        src("    strcpy(cryptoKey, SERVICE_KEY);\n    fgets(password, sizeof(password), stdin);");
    assert!(
        reported_at(&define, Language::C, 9, "hardcoded-credential"),
        "{define}"
    );
    let literal = src("    fgets(cryptoKey, sizeof(cryptoKey), stdin);\n    strncpy(password, \"Wq83-lpZ0a\", sizeof(password) - 1);");
    assert!(
        reported_at(&literal, Language::C, 10, "hardcoded-credential"),
        "{literal}"
    );
    // Read at run time, or a literal copied into a buffer whose name is not a secret's.
    let read = src("    fgets(cryptoKey, sizeof(cryptoKey), stdin);\n    fgets(password, sizeof(password), stdin);");
    assert!(
        !reported(&read, Language::C, "hardcoded-credential"),
        "{read}"
    );
    let label = src("    char title[32];\n    strcpy(title, SERVICE_KEY);\n    fgets(cryptoKey, sizeof(cryptoKey), stdin);\n    fgets(password, sizeof(password), stdin);");
    assert!(
        !reported(&label, Language::C, "hardcoded-credential"),
        "{label}"
    );
}

#[test]
fn terminating_one_element_keeps_what_the_buffer_received() {
    let src = |term: &str| {
        format!(
            "#include <sys/socket.h>\n#include <stdlib.h>\n\nvoid job(int conn)\n{{\n    char cmd[128] = \"nice \";\n    size_t used = strlen(cmd);\n    ssize_t got = recv(conn, cmd + used, sizeof(cmd) - used - 1, 0);\n{term}\n    system(cmd);\n}}\n"
        )
    };
    let element = src("    cmd[used + got] = '\\0';");
    assert!(
        reported_at(&element, Language::C, 10, "command-injection"),
        "{element}"
    );
    // Overwriting the whole buffer with a constant does replace what it received.
    let whole = src("    strcpy(cmd, \"nice /usr/bin/true\");");
    assert!(
        !reported(&whole, Language::C, "command-injection"),
        "{whole}"
    );
}

#[test]
fn an_argument_vector_that_runs_a_shell_command_line() {
    let src = |flag: &str, fill: &str| {
        format!(
            "#include <unistd.h>\n#include <stdio.h>\n#define SHELL_PATH \"/bin/sh\"\n#define SHELL_FLAG \"{flag}\"\n\nvoid run(void)\n{{\n    char line[128] = \"\";\n{fill}\n    char *argv_sh[] = {{SHELL_PATH, SHELL_FLAG, line, NULL}};\n    execv(SHELL_PATH, argv_sh);\n}}\n"
        )
    };
    let v = src("-c", "    fgets(line, sizeof(line), stdin);");
    assert!(reported_at(&v, Language::C, 11, "command-injection"), "{v}");
    // No shell flag: the line is one argument of the program.
    let plain = src("-x", "    fgets(line, sizeof(line), stdin);");
    assert!(
        !reported(&plain, Language::C, "command-injection"),
        "{plain}"
    );
    let constant = src("-c", "    strcpy(line, \"uptime\");");
    assert!(
        !reported(&constant, Language::C, "command-injection"),
        "{constant}"
    );
}

#[test]
fn only_the_command_line_after_dash_c_is_shell_text() {
    let c = |call: &str| {
        format!("#include <unistd.h>\n#include <stdlib.h>\n\nint main(void)\n{{\n    char *path = getenv(\"TARGET\");\n    {call};\n    return 0;\n}}\n")
    };
    // The value is the command line itself.
    let vulnerable = c("execl(\"/bin/sh\", \"sh\", \"-c\", path, NULL)");
    assert!(
        reported_at(&vulnerable, Language::C, 7, "command-injection"),
        "{vulnerable}"
    );
    // After a fixed script, the value is the script's `$0`/`$1`: data, not shell text.
    let positional = c(
        "execl(\"/bin/sh\", \"sh\", \"-c\", \"tar -czf out.tgz \\\"$1\\\"\", \"sh\", path, NULL)",
    );
    assert!(
        !reported(&positional, Language::C, "command-injection"),
        "{positional}"
    );
}
