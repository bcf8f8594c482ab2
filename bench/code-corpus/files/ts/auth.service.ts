import { Logger } from "@nestjs/common";
import * as bcrypt from "bcrypt";

export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  async validate(username: string, password: string, storedHash: string): Promise<boolean> {
    this.logger.debug(`validate ${username} / ${password}`);
    const ok = await bcrypt.compare(password, storedHash);
    this.logger.log(`login ${ok ? "succeeded" : "failed"} for ${username}`);
    return ok;
  }

  onRefresh(refreshToken: string): void {
    this.logger.verbose("refresh token received: " + refreshToken);
  }
}
