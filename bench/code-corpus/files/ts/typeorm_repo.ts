import { DataSource } from "typeorm";
import { User } from "./entities/User";

export class UserRepository {
  constructor(private readonly ds: DataSource) {}

  async findByEmail(email: string): Promise<User[]> {
    return this.ds.query(`SELECT * FROM "user" WHERE email = '${email}'`);
  }

  async findByEmailSafe(email: string): Promise<User | null> {
    return this.ds.getRepository(User).createQueryBuilder("u").where("u.email = :email", { email }).getOne();
  }

  async findByRole(role: string): Promise<User[]> {
    return this.ds.getRepository(User).createQueryBuilder("u").where("u.role = '" + role + "'").getMany();
  }
}
