//! Constructs found in short, incomplete snippets and in the less common APIs of C, C++,
//! Java, Kotlin and PHP: each behaviour as a vulnerable/safe pair that differs in the one
//! thing that matters.

use airlock_code::{Analyzer, Language};

fn rules(src: &str, lang: Language) -> Vec<String> {
    Analyzer::new()
        .analyze(src, lang)
        .into_iter()
        .map(|f| f.rule_id)
        .collect()
}

/// `bad` is reported under `rule`, `good` is not.
#[track_caller]
fn twins(lang: Language, rule: &str, bad: &str, good: &str) {
    let b = rules(bad, lang);
    assert!(
        b.iter().any(|r| r == rule),
        "{rule} not reported in {bad:?}: {b:?}"
    );
    let g = rules(good, lang);
    assert!(
        !g.iter().any(|r| r == rule),
        "{rule} reported in {good:?}: {g:?}"
    );
}

#[test]
fn php_without_an_opening_tag_is_parsed_as_code() {
    let php = Language::Php;
    twins(
        php,
        "code-injection",
        "eval($_GET['expr']);\n",
        "eval('return 1;');\n",
    );
    twins(
        php,
        "sql-injection",
        "$r = mysqli_query($db, \"SELECT * FROM t WHERE id = \" . $_GET['id']);\n",
        "$r = mysqli_query($db, \"SELECT * FROM t WHERE id = 1\");\n",
    );
    twins(
        php,
        "command-injection",
        "shell_exec('ping ' . $_POST['host']);\n",
        "shell_exec('uptime');\n",
    );
    // The same code with its tag is analyzed the same way.
    twins(
        php,
        "code-injection",
        "<?php\neval($_GET['expr']);\n",
        "<?php\neval('return 1;');\n",
    );
}

#[test]
fn php_create_function_evaluates_its_arguments_and_body() {
    let php = Language::Php;
    let safe = "<?php\n$f = create_function('$a', 'return trim($a);');\n";
    twins(
        php,
        "code-injection",
        "<?php\n$f = create_function('$a', $_POST['body']);\n",
        safe,
    );
    twins(
        php,
        "code-injection",
        "<?php\n$f = create_function($_POST['args'], 'return 1;');\n",
        safe,
    );
}

#[test]
fn jca_algorithm_names_are_case_insensitive_and_complete() {
    let java = Language::Java;
    twins(
        java,
        "weak-hash",
        "MessageDigest d = MessageDigest.getInstance(\"md5\");\n",
        "MessageDigest d = MessageDigest.getInstance(\"sha-256\");\n",
    );
    twins(
        java,
        "weak-cipher",
        "SecretKeyFactory f = SecretKeyFactory.getInstance(\"3DES\");\n",
        "SecretKeyFactory f = SecretKeyFactory.getInstance(\"PBKDF2WithHmacSHA256\");\n",
    );
    twins(
        java,
        "weak-cipher",
        "Cipher c = Cipher.getInstance(\"DESedeWrap\");\n",
        "Cipher c = Cipher.getInstance(\"AESWrap\");\n",
    );
    twins(
        java,
        "weak-cipher",
        "SecretKeyFactory f = SecretKeyFactory.getInstance(\"PBEWithMD5AndDES\");\n",
        "SecretKeyFactory f = SecretKeyFactory.getInstance(\"PBEWithHmacSHA256AndAES_256\");\n",
    );
}

#[test]
fn null_cipher_ecb_key_specs_and_raw_rsa_are_weak() {
    let java = Language::Java;
    twins(
        java,
        "weak-cipher",
        "Cipher c = new javax.crypto.NullCipher();\n",
        "Cipher c = Cipher.getInstance(\"AES/GCM/NoPadding\");\n",
    );
    twins(
        java,
        "weak-cipher",
        "builder.setBlockModes(KeyProperties.BLOCK_MODE_ECB);\n",
        "builder.setBlockModes(KeyProperties.BLOCK_MODE_GCM);\n",
    );
    twins(
        java,
        "weak-cipher",
        "Cipher c = Cipher.getInstance(\"RSA/ECB/NoPadding\");\n",
        "Cipher c = Cipher.getInstance(\"RSA/ECB/OAEPWithSHA-256AndMGF1Padding\");\n",
    );
}

#[test]
fn a_key_size_set_in_a_variable_is_checked() {
    let java = |bits: u32| {
        format!("int keySize = {bits};\nKeyPairGenerator kpg = KeyPairGenerator.getInstance(\"RSA\");\nkpg.initialize(keySize);\n")
    };
    twins(Language::Java, "weak-cipher", &java(1024), &java(3072));
    let c = |bits: u32| {
        format!("void gen(RSA *rsa, BIGNUM *e) {{\n    int bits = {bits};\n    RSA_generate_key_ex(rsa, bits, e, NULL);\n}}\n")
    };
    twins(Language::C, "weak-cipher", &c(1024), &c(4096));
    twins(
        Language::C,
        "weak-cipher",
        "EVP_PKEY *k = EVP_RSA_gen(1536);\n",
        "EVP_PKEY *k = EVP_RSA_gen(3072);\n",
    );
}

#[test]
fn openssl_legacy_ciphers_curves_and_named_algorithms() {
    let c = Language::C;
    twins(
        c,
        "weak-cipher",
        "BF_encrypt(data, &schedule);\n",
        "AES_encrypt(in, out, &aes_key);\n",
    );
    twins(
        c,
        "weak-cipher",
        "const BIGNUM *p = BN_get0_nist_prime_192();\n",
        "const BIGNUM *p = BN_get0_nist_prime_256();\n",
    );
    twins(
        c,
        "weak-cipher",
        "EC_KEY *k = EC_KEY_new_by_curve_name(NID_X9_62_prime192v1);\n",
        "EC_KEY *k = EC_KEY_new_by_curve_name(NID_X9_62_prime256v1);\n",
    );
    twins(
        c,
        "weak-cipher",
        "const EVP_CIPHER *ci = EVP_get_cipherbyname(\"des-ede3-cbc\");\n",
        "const EVP_CIPHER *ci = EVP_get_cipherbyname(\"aes-256-gcm\");\n",
    );
    twins(
        c,
        "weak-hash",
        "EVP_MD *md = EVP_MD_fetch(NULL, \"MD5\", NULL);\n",
        "EVP_MD *md = EVP_MD_fetch(NULL, \"SHA256\", NULL);\n",
    );
}

#[test]
fn a_cpp_declaration_with_arguments_calls_the_constructor() {
    let cpp = Language::Cpp;
    twins(
        cpp,
        "path-traversal",
        "int main() {\n    std::string name = std::getenv(\"PATH_INFO\");\n    std::ifstream in(\"/srv/data/\" + name);\n}\n",
        "int main() {\n    std::string name = std::getenv(\"PATH_INFO\");\n    std::ifstream in(\"/srv/data/config.ini\");\n}\n",
    );
    // Written with a bare name, the declaration parses as a function declaration.
    twins(
        cpp,
        "path-traversal",
        "void serve(const std::string &user_path) {\n    std::ifstream in(user_path);\n}\n",
        "void serve(const std::string &user_path) {\n    std::ifstream in(default_path);\n}\n",
    );
    twins(
        cpp,
        "path-traversal",
        "int main(int argc, char **argv) {\n    std::ifstream in(argv[1]);\n}\n",
        "int main(int argc, char **argv) {\n    std::ifstream in(paths[1]);\n}\n",
    );
    twins(
        cpp,
        "redos",
        "bool ok(const std::string &s) {\n    std::regex re(\"^(a+)+$\");\n    return std::regex_match(s, re);\n}\n",
        "bool ok(const std::string &s) {\n    std::regex re(\"^a+$\");\n    return std::regex_match(s, re);\n}\n",
    );
}

#[test]
fn kotlin_constructs_java_random_without_new() {
    twins(
        Language::Kotlin,
        "insecure-random",
        "val token = Random().nextLong().toString(16)\n",
        "val token = SecureRandom().nextLong().toString(16)\n",
    );
}

#[test]
fn a_verifier_or_trust_manager_named_for_accepting_everything() {
    let java = Language::Java;
    twins(
        java,
        "tls-verification-disabled",
        "conn.setHostnameVerifier(new NullHostnameVerifier());\n",
        "conn.setHostnameVerifier(new DefaultHostnameVerifier());\n",
    );
    twins(
        java,
        "tls-verification-disabled",
        "ctx.init(null, new TrustManager[] { new TrustAllTrustManager() }, null);\n",
        "ctx.init(null, tmf.getTrustManagers(), null);\n",
    );
}

#[test]
fn c_input_functions_fill_the_buffer_they_are_given() {
    let c = Language::C;
    let cmd = |read: &str| {
        format!("int main(void) {{\n    char buf[128];\n    char cmd[256];\n    {read}\n    snprintf(cmd, sizeof cmd, \"ls %s\", buf);\n    system(cmd);\n}}\n")
    };
    let constant = cmd("strcpy(buf, \"/tmp\");");
    twins(
        c,
        "command-injection",
        &cmd("fgets(buf, sizeof buf, stdin);"),
        &constant,
    );
    twins(
        c,
        "command-injection",
        &cmd("scanf(\"%127s\", buf);"),
        &constant,
    );
    twins(
        c,
        "command-injection",
        &cmd("fscanf(stdin, \"%127s\", buf);"),
        &constant,
    );
    twins(
        c,
        "command-injection",
        &cmd("recv(sock, buf, sizeof buf - 1, 0);"),
        &constant,
    );
    // Reading a buffer from a file of unknown origin is not input.
    twins(
        c,
        "command-injection",
        &cmd("fgets(buf + len, (int)(sizeof buf - len), stdin);"),
        &cmd("fscanf(config, \"%127s\", buf);"),
    );
}

#[test]
fn cpp_stream_input_fills_its_operands() {
    let cpp = Language::Cpp;
    let cmd = |read: &str| {
        format!("int main() {{\n    std::string host;\n    {read}\n    std::string cmd = \"ping -c 1 \" + host;\n    system(cmd.c_str());\n}}\n")
    };
    let constant = cmd("host = \"localhost\";");
    twins(
        cpp,
        "command-injection",
        &cmd("std::cin >> host;"),
        &constant,
    );
    twins(
        cpp,
        "command-injection",
        &cmd("std::getline(std::cin, host);"),
        &constant,
    );
    twins(
        cpp,
        "command-injection",
        &cmd("std::cin >> std::ws >> host;"),
        &cmd("config >> host;"),
    );
}

#[test]
fn a_buffer_written_through_pointer_arithmetic_or_a_cast_is_the_buffer() {
    let c = Language::C;
    let run = |env: &str| {
        format!("void run(void) {{\n    char buf[100] = \"ls \";\n    size_t len = strlen(buf);\n    char *env = getenv(\"{env}\");\n    strncat(buf + len, env, 100 - len - 1);\n    execl(\"/bin/sh\", \"sh\", \"-c\", buf, NULL);\n}}\n")
    };
    let constant = "void run(void) {\n    char buf[100] = \"ls \";\n    size_t len = strlen(buf);\n    strncat(buf + len, \"-l\", 100 - len - 1);\n    execl(\"/bin/sh\", \"sh\", \"-c\", buf, NULL);\n}\n";
    twins(c, "command-injection", &run("ADD"), constant);
    twins(
        c,
        "path-traversal",
        "void get(int sock) {\n    char name[100];\n    recv(sock, (char *)(name), sizeof name - 1, 0);\n    FILE *f = fopen(name, \"r\");\n}\n",
        "void get(int sock) {\n    char name[100] = \"index.html\";\n    FILE *f = fopen(name, \"r\");\n}\n",
    );
}

#[test]
fn windows_and_dotnet_algorithms_named_by_constant_or_string() {
    twins(
        Language::C,
        "weak-hash",
        "CryptCreateHash(hProv, CALG_MD5, 0, 0, &hHash);\n",
        "CryptCreateHash(hProv, CALG_SHA_256, 0, 0, &hHash);\n",
    );
    twins(
        Language::C,
        "weak-cipher",
        "CryptDeriveKey(hProv, CALG_3DES, hHash, 0, &hKey);\n",
        "CryptDeriveKey(hProv, CALG_AES_256, hHash, 0, &hKey);\n",
    );
    twins(
        Language::CSharp,
        "weak-hash",
        "var h = HashAlgorithm.Create(\"MD5\");\n",
        "var h = HashAlgorithm.Create(\"SHA256\");\n",
    );
    twins(
        Language::CSharp,
        "weak-cipher",
        "var alg = SymmetricAlgorithm.Create(\"TripleDES\");\n",
        "var alg = SymmetricAlgorithm.Create(\"Aes\");\n",
    );
    twins(
        Language::Ruby,
        "weak-cipher",
        "cipher = OpenSSL::Cipher.new('DES-EDE3-CBC')\n",
        "cipher = OpenSSL::Cipher.new('AES-256-GCM')\n",
    );
}
