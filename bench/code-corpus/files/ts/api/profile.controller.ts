import { Controller, Get, Header, Query, Res } from "@nestjs/common";
import type { Response } from "express";
import { execSync } from "child_process";
import { readFileSync } from "fs";

@Controller("profile")
export class ProfileController {
  @Get("card")
  @Header("Content-Type", "text/html")
  card(@Query("name") name: string): string {
    return `<div class="card"><h3>${name}</h3></div>`;
  }

  @Get("avatar")
  avatar(@Query("file") file: string, @Res() res: Response) {
    res.send(readFileSync(`./avatars/${file}`));
  }

  @Get("whois")
  whois(@Query("domain") domain: string): string {
    return execSync("whois " + domain).toString();
  }
}
