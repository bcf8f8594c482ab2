import axios from "axios";
import https from "https";

export const legacyClient = axios.create({
  baseURL: "https://legacy-erp.corp.example",
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});

export const client = axios.create({
  baseURL: "https://api.example.com",
  httpsAgent: new https.Agent({ keepAlive: true }),
});
