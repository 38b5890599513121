//! Where painmap keeps its files: the one XDG rule for the data folder (study progress,
//! client records) and the cache folder (compiled user atlases). The core reads no
//! environment; the binary reads `XDG_DATA_HOME`, `XDG_CACHE_HOME` and `HOME` and hands
//! their values here.

use std::ffi::OsString;
use std::path::PathBuf;

/// The data folder: `$XDG_DATA_HOME/painmap`, else `$HOME/.local/share/painmap`.
pub fn data_dir(xdg_data_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    painmap_dir(xdg_data_home, home, ".local/share")
}

/// The cache folder: `$XDG_CACHE_HOME/painmap`, else `$HOME/.cache/painmap`.
pub fn cache_dir(xdg_cache_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    painmap_dir(xdg_cache_home, home, ".cache")
}

/// The XDG variable's folder when it is an absolute path (as the XDG spec asks), else
/// the fallback under an absolute `HOME` (a relative one would put health data wherever
/// painmap happens to run); `None` when neither gives a place.
fn painmap_dir(xdg: Option<OsString>, home: Option<OsString>, under_home: &str) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    absolute(xdg)
        .or_else(|| absolute(home).map(|h| h.join(under_home)))
        .map(|base| base.join("painmap"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_follows_xdg_then_home() {
        let p = data_dir(Some("/x/data".into()), Some("/home/a".into()));
        assert_eq!(p, Some(PathBuf::from("/x/data/painmap")));
        let p = data_dir(Some("relative".into()), Some("/home/a".into()));
        assert_eq!(p, Some(PathBuf::from("/home/a/.local/share/painmap")));
        let p = data_dir(None, Some("/home/a".into()));
        assert_eq!(p, Some(PathBuf::from("/home/a/.local/share/painmap")));
        assert_eq!(data_dir(None, None), None);
        assert_eq!(data_dir(Some("".into()), None), None);
        assert_eq!(data_dir(None, Some("rel".into())), None);
    }

    #[test]
    fn cache_dir_follows_xdg_then_home() {
        let p = cache_dir(Some("/c".into()), Some("/h".into()));
        assert_eq!(p, Some(PathBuf::from("/c/painmap")));
        let p = cache_dir(Some("rel".into()), Some("/h".into()));
        assert_eq!(p, Some(PathBuf::from("/h/.cache/painmap")));
        let p = cache_dir(Some("".into()), Some("/h".into()));
        assert_eq!(p, Some(PathBuf::from("/h/.cache/painmap")));
        assert_eq!(cache_dir(None, None), None);
    }
}
