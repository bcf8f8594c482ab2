export const env = {
  databaseUrl: process.env.DATABASE_URL!,
  openaiKey: process.env.OPENAI_API_KEY ?? "",
};

export const SUPABASE_SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiZXhhbXBsZSI6dHJ1ZX0.EXAMPLEsignatureEXAMPLEsignatureEXAMPLE00";
