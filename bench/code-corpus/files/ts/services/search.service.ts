import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { DataSource } from "typeorm";

@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private buildLike(term: string): string {
    return `'%${term.toLowerCase()}%'`;
  }

  async search(term: string) {
    const like = this.buildLike(term);
    return this.ds.query(`SELECT id, name FROM products WHERE lower(name) LIKE ${like}`);
  }

  async searchSafe(term: string) {
    return this.ds.query("SELECT id, name FROM products WHERE lower(name) LIKE $1", [`%${term.toLowerCase()}%`]);
  }
}
