//! The local registry cache: one JSON file of answers keyed by ecosystem and canonical name,
//! each with the time it was asked. Written atomically (temporary file, then rename) and merged
//! with what other processes wrote meanwhile.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::registry::PackageFacts;
use crate::Ecosystem;

/// The file name inside the cache directory.
pub const CACHE_FILE: &str = "registry-cache.json";
const FORMAT_VERSION: u32 = 1;

/// A cached answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub exists: bool,
    /// Seconds since the Unix epoch when the registry answered.
    pub checked_at: u64,
    #[serde(default)]
    pub facts: PackageFacts,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    entries: BTreeMap<String, Entry>,
}

/// A cache file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("{}: cannot write the registry cache: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The registry answers known so far, and where they are kept.
pub struct Cache {
    path: Option<PathBuf>,
    entries: Mutex<BTreeMap<String, Entry>>,
    dirty: Mutex<BTreeMap<String, Entry>>,
    /// Why the file could not be read, if it could not (the cache then starts empty).
    pub load_problem: Option<String>,
}

/// The default cache file: `$XDG_CACHE_HOME/airlock/registry-cache.json`, else
/// `$HOME/.cache/airlock/registry-cache.json`.
pub fn default_path() -> Option<PathBuf> {
    default_path_from(|k| std::env::var_os(k).map(PathBuf::from))
}

pub(crate) fn default_path_from(get: impl Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    let base = get("XDG_CACHE_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| {
            get("HOME")
                .filter(|h| !h.as_os_str().is_empty())
                .map(|h| h.join(".cache"))
        })?;
    Some(base.join("airlock").join(CACHE_FILE))
}

pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

pub(crate) fn key(eco: Ecosystem, name: &str) -> String {
    format!("{}:{}", eco.as_str(), eco.canonical_name(name))
}

fn read(path: &Path) -> Result<BTreeMap<String, Entry>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let file: File = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not a registry cache: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    if file.version != FORMAT_VERSION {
        return Err(format!(
            "{}: cache format {} is not {FORMAT_VERSION}",
            path.display(),
            file.version
        ));
    }
    Ok(file.entries)
}

impl Cache {
    /// Opens the cache at `path` (`None`: keep answers in memory only). An unreadable or
    /// corrupt file is not an error: the cache starts empty and `load_problem` says why.
    pub fn open(path: Option<PathBuf>) -> Cache {
        let (entries, load_problem) = match path.as_deref().map(read) {
            None => (BTreeMap::new(), None),
            Some(Ok(e)) => (e, None),
            Some(Err(problem)) => (BTreeMap::new(), Some(problem)),
        };
        Cache {
            path,
            entries: Mutex::new(entries),
            dirty: Mutex::new(BTreeMap::new()),
            load_problem,
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The cached answer, whatever its age.
    pub fn get(&self, eco: Ecosystem, name: &str) -> Option<Entry> {
        lock(&self.entries).get(&key(eco, name)).cloned()
    }

    pub fn put(&self, eco: Ecosystem, name: &str, entry: Entry) {
        let k = key(eco, name);
        lock(&self.entries).insert(k.clone(), entry.clone());
        lock(&self.dirty).insert(k, entry);
    }

    pub fn len(&self) -> usize {
        lock(&self.entries).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes new answers to the file, merged with its current content. Does nothing for an
    /// in-memory cache or when nothing changed.
    pub fn save(&self) -> Result<(), CacheError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let dirty = std::mem::take(&mut *lock(&self.dirty));
        if dirty.is_empty() {
            return Ok(());
        }
        let mut entries = read(path).unwrap_or_default();
        entries.extend(dirty);
        let err = |source| CacheError::Write {
            path: path.clone(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let file = File {
            version: FORMAT_VERSION,
            entries,
        };
        let json = serde_json::to_vec(&file).map_err(|e| err(std::io::Error::other(e)))?;
        let tmp = path.with_extension(format!("json.tmp.{}", std::process::id()));
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            err(e)
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_location() {
        let p = default_path_from(|k| match k {
            "XDG_CACHE_HOME" => Some("/x/cache".into()),
            _ => Some("/home/u".into()),
        });
        assert_eq!(
            p.unwrap(),
            PathBuf::from("/x/cache/airlock/registry-cache.json")
        );
        let p = default_path_from(|k| (k == "HOME").then(|| PathBuf::from("/home/u")));
        assert_eq!(
            p.unwrap(),
            PathBuf::from("/home/u/.cache/airlock/registry-cache.json")
        );
        assert_eq!(default_path_from(|_| None), None);
    }

    #[test]
    fn keys_use_canonical_names() {
        assert_eq!(
            key(Ecosystem::PyPI, "PyYAML"),
            key(Ecosystem::PyPI, "pyyaml")
        );
        assert_ne!(key(Ecosystem::PyPI, "x"), key(Ecosystem::Npm, "x"));
    }
}
