import { Controller, Get, Query, Res } from "@nestjs/common";
import type { Response } from "express";
import { createReadStream } from "fs";
import { join, resolve, sep } from "path";

const ROOT = "/srv/exports";

@Controller("files")
export class FilesController {
  @Get("raw")
  raw(@Query("name") name: string, @Res() res: Response) {
    createReadStream(join(ROOT, name)).pipe(res);
  }

  @Get("checked")
  checked(@Query("name") name: string, @Res() res: Response) {
    const p = resolve(ROOT, name);
    if (!p.startsWith(ROOT + sep)) {
      res.status(400).end();
      return;
    }
    createReadStream(p).pipe(res);
  }
}
