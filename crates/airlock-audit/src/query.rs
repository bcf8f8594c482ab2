//! Filters for reading the audit log, and the SQL `WHERE` clause both backends build from them.

/// Which records to read. All filters combine with AND; `None` means no filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Records at or after this time (ms since the Unix epoch).
    pub since_ms: Option<i64>,
    /// Records before this time (exclusive).
    pub until_ms: Option<i64>,
    /// Exact user.
    pub user: Option<String>,
    /// Exact team.
    pub team: Option<String>,
    /// Exact decision (`allow`, `redact`, `block`, `reroute`, `refuse`, `error`).
    pub decision: Option<String>,
    /// The model asked for or the model used.
    pub model: Option<String>,
    /// At most this many records: the most recent ones. Results are always oldest first.
    pub limit: Option<u32>,
}

/// A bound value for the generated SQL.
#[derive(Clone, Debug)]
pub(crate) enum Param {
    Int(i64),
    Text(String),
}

impl Query {
    /// The `WHERE ...` clause (empty when no filter) and its parameters, with placeholders
    /// written by `ph(n)` for the n-th parameter (1-based): `?1` for SQLite, `$1` for PostgreSQL.
    pub(crate) fn where_clause(&self, ph: impl Fn(usize) -> String) -> (String, Vec<Param>) {
        let mut conds = Vec::new();
        let mut params = Vec::new();
        let mut add = |cond: &dyn Fn(&str) -> String, p: Param, params: &mut Vec<Param>| {
            params.push(p);
            conds.push(cond(&ph(params.len())));
        };
        if let Some(t) = self.since_ms {
            add(&|p| format!("time_ms >= {p}"), Param::Int(t), &mut params);
        }
        if let Some(t) = self.until_ms {
            add(&|p| format!("time_ms < {p}"), Param::Int(t), &mut params);
        }
        if let Some(u) = &self.user {
            add(
                &|p| format!("user_name = {p}"),
                Param::Text(u.clone()),
                &mut params,
            );
        }
        if let Some(t) = &self.team {
            add(
                &|p| format!("team = {p}"),
                Param::Text(t.clone()),
                &mut params,
            );
        }
        if let Some(d) = &self.decision {
            add(
                &|p| format!("decision = {p}"),
                Param::Text(d.clone()),
                &mut params,
            );
        }
        if let Some(m) = &self.model {
            add(
                &|p| format!("(model_requested = {p} OR model_used = {p})"),
                Param::Text(m.clone()),
                &mut params,
            );
        }
        if conds.is_empty() {
            (String::new(), params)
        } else {
            (format!(" WHERE {}", conds.join(" AND ")), params)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_clause_numbers_parameters() {
        let q = Query {
            since_ms: Some(5),
            model: Some("gpt".into()),
            ..Query::default()
        };
        let (w, p) = q.where_clause(|n| format!("${n}"));
        assert_eq!(
            w,
            " WHERE time_ms >= $1 AND (model_requested = $2 OR model_used = $2)"
        );
        assert_eq!(p.len(), 2);
        assert_eq!(Query::default().where_clause(|n| format!("?{n}")).0, "");
    }
}
