#include <windows.h>
#include <process.h>
#include <wchar.h>

int open_attachment(void)
{
    wchar_t name[MAX_PATH] = L"C:\\inbox\\";
    size_t n = wcslen(name);
    if (fgetws(name + n, (int)(MAX_PATH - n), stdin) == NULL) {
        return -1;
    }
    return (int)_wspawnl(_P_WAIT, L"C:\\Windows\\System32\\cmd.exe", L"cmd.exe", L"/c", name, NULL);
}

int open_manual(void)
{
    wchar_t name[MAX_PATH] = L"C:\\docs\\";
    wcscat(name, L"manual.pdf");
    return (int)_wspawnl(_P_WAIT, L"C:\\Windows\\System32\\cmd.exe", L"cmd.exe", L"/c", name, NULL);
}

void launch_helper(const char *tool_from_env)
{
    char line[MAX_PATH];
    const char *extra = getenv("HELPER_ARGS");
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    snprintf(line, sizeof(line), "helper.exe %s", extra ? extra : "");
    CreateProcessA(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    CreateProcessA("C:\\Program Files\\App\\helper.exe", NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
}
