import { app, ipcMain, BrowserWindow } from "electron";
import { execSync } from "child_process";
import { readFileSync } from "fs";

ipcMain.handle("run-command", (_event, command: string) => {
  return execSync(command).toString();
});

ipcMain.handle("read-note", (_event, name: string) => {
  return readFileSync(`${app.getPath("userData")}/notes/${name}`, "utf8");
});

app.whenReady().then(() => {
  const win = new BrowserWindow({ webPreferences: { contextIsolation: true } });
  win.loadURL("https://notes.example.com");
});
