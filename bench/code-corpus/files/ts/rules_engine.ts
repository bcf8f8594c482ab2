type Ctx = Record<string, unknown>;

export function evaluateRule(rule: string, ctx: Ctx): boolean {
  const fn = new Function(...Object.keys(ctx), `return (${rule});`);
  return Boolean(fn(...Object.values(ctx)));
}

export function evaluateRuleSafe(rule: { field: string; equals: unknown }, ctx: Ctx): boolean {
  return ctx[rule.field] === rule.equals;
}

export function loadSettings(raw: string): Ctx {
  return JSON.parse(raw) as Ctx;
}

export function handleRuleCheck(req: { body: { rule: string; ctx: Ctx } }): boolean {
  return evaluateRule(req.body.rule, req.body.ctx);
}
