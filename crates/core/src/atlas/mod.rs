//! The atlas: model types, loading and validation. An [`Atlas`] can only be built by the
//! validating loader, so every id inside one refers to something that exists.

pub mod cache;
mod error;
mod load;
pub use painmap_model::atlas::model;
mod resolve;
pub use painmap_model::atlas::side;
pub mod synth;
pub use painmap_model::atlas::text;
use painmap_model::atlas::validate;

#[cfg(test)]
mod tests;

pub use error::AtlasError;
pub use load::MAX_ATLAS_BYTES;
pub use model::{
    Attestation, Concept, FlagCondition, Guide, GuideEntry, GuideZone, Likelihood, Muscle,
    MuscleGroup, RedFlag, Region, Screen, Term, TriggerPoint,
};
pub use resolve::ResolveError;
pub use side::{Reach, RegionInstance, Side};

use model::AtlasFile;
use std::path::Path;
use std::sync::OnceLock;
pub(crate) use validate::Map;

/// The atlas shipped inside the binary, as written: the one source of the embedded
/// binary form, and what `synth` and the tests start from.
pub const SHIPPED_ATLAS: &str = include_str!("../../../../data/atlas.ron");

/// The name the shipped atlas goes by in messages.
pub const SHIPPED_NAME: &str = "data/atlas.ron";

/// The shipped atlas in binary form, written by the build step (`build.rs`) after it
/// parsed and validated `data/atlas.ron` with these very types: nothing to parse or
/// check at run time.
static SHIPPED_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atlas.bin"));

/// A validated atlas with its lookup indexes.
#[derive(Debug, Clone)]
pub struct Atlas {
    file: AtlasFile,
    /// Built on first use: listing or searching the shipped atlas needs none of it.
    index: OnceLock<Index>,
    /// The binary's own atlas (its lexicon index is embedded too).
    shipped: bool,
}

/// The lookup indexes of an atlas.
#[derive(Debug, Clone)]
struct Index {
    regions: Map<String, usize>,
    muscles: Map<String, usize>,
    trigger_points: Map<String, (usize, usize)>,
    /// Folded region id, name and alias -> region index.
    region_keys: Map<String, usize>,
    /// Folded muscle id, name and alias -> muscle index; made on first use when the
    /// atlas was not validated here (ranking regions never needs it).
    muscle_keys: OnceLock<Map<String, usize>>,
    /// Per region (by index): the trigger points whose zones or location include it, in
    /// file order.
    touching: Vec<Vec<(usize, usize)>>,
}

impl Atlas {
    /// The atlas embedded in the binary.
    pub fn shipped() -> Result<Atlas, AtlasError> {
        let file = cache::decode(SHIPPED_BIN).ok_or_else(|| AtlasError::Read {
            file: SHIPPED_NAME.into(),
            reason: "the embedded atlas is damaged; rebuild painmap".into(),
        })?;
        // Proven valid by the build step: the indexes wait until they are needed.
        Ok(Atlas {
            file,
            index: OnceLock::new(),
            shipped: true,
        })
    }

    /// Is this the atlas embedded in the binary?
    pub fn is_shipped(&self) -> bool {
        self.shipped
    }

    /// Where trigger point `tp` on `side` refers pain in `region` (see [`Reach`]).
    pub fn reach(&self, tp: &TriggerPoint, region: &str, side: Side) -> Reach {
        let midline = self.region(region).is_some_and(|r| r.midline);
        Reach::of(midline, tp.crosses.iter().any(|c| c == region), side)
    }

    /// The atlas at `path`, or the shipped one when there is none.
    pub fn load(path: Option<&Path>) -> Result<Atlas, AtlasError> {
        Atlas::load_cached(path, None)
    }

    /// [`Atlas::load`] through the cache in `cache_dir` (see [`cache`]): an atlas file
    /// read before, unchanged, is not parsed again. `None` reads without a cache.
    pub fn load_cached(path: Option<&Path>, cache_dir: Option<&Path>) -> Result<Atlas, AtlasError> {
        match path {
            Some(path) => Atlas::from_path_cached(path, cache_dir),
            None => Atlas::shipped(),
        }
    }

    /// Reads, parses and validates an atlas file.
    pub fn from_path(path: &Path) -> Result<Atlas, AtlasError> {
        Atlas::from_path_cached(path, None)
    }

    /// Reads an atlas file; its parsed and validated form comes from the cache when the
    /// cache holds one for exactly these bytes, and is stored there otherwise.
    fn from_path_cached(path: &Path, cache_dir: Option<&Path>) -> Result<Atlas, AtlasError> {
        match cache_dir {
            Some(dir) => Atlas::load_keyed(path, dir).map(|(atlas, _)| atlas),
            None => Atlas::from_text(&load::read_text(path)?, &path.display().to_string()),
        }
    }

    /// [`Atlas::from_path_cached`] through the cache in `dir`, with the cache entry the
    /// file's bytes key: for a caller that keeps more beside the atlas (the search
    /// index), made from exactly the bytes this atlas was.
    pub fn load_keyed(path: &Path, dir: &Path) -> Result<(Atlas, cache::Entry), AtlasError> {
        let text = load::read_text(path)?;
        let entry = cache::Entry::new(dir, text.as_bytes());
        let name = path.display().to_string();
        if let Some(file) = entry.load()
            && let Ok(atlas) = Atlas::from_decoded(file, &name)
        {
            return Ok((atlas, entry));
        }
        let file = load::parse(&text, &name)?;
        let keys = check(&file, &name)?;
        // Only a valid atlas is stored.
        entry.store(&file);
        Ok((Atlas::indexed(file, keys), entry))
    }

    /// An atlas decoded from its binary form (a cache entry), checked again all the same:
    /// a cache is never trusted with the atlas's invariants. `name` is used in messages.
    pub fn from_decoded(file: AtlasFile, name: &str) -> Result<Atlas, AtlasError> {
        let keys = check(&file, name)?;
        Ok(Atlas::indexed(file, keys))
    }

    /// Parses and validates atlas text; `name` is used in messages.
    pub fn from_text(text: &str, name: &str) -> Result<Atlas, AtlasError> {
        let file = load::parse(text, name)?;
        let keys = check(&file, name)?;
        Ok(Atlas::indexed(file, keys))
    }

    /// An atlas of a file that passed validation, with its lookup keys.
    fn indexed(file: AtlasFile, keys: validate::Keys) -> Atlas {
        let index = Index::build(&file, keys.regions, Some(keys.muscles));
        Atlas {
            file,
            index: OnceLock::from(index),
            shipped: false,
        }
    }

    /// The lookup indexes, built on first use.
    fn ix(&self) -> &Index {
        self.index
            .get_or_init(|| Index::build(&self.file, validate::region_keys(&self.file), None))
    }

    /// Folded muscle id, name and alias -> muscle index.
    fn muscle_keys(&self) -> &Map<String, usize> {
        self.ix()
            .muscle_keys
            .get_or_init(|| validate::muscle_keys(&self.file))
    }

    /// Every region, in file order.
    pub fn regions(&self) -> &[Region] {
        &self.file.regions
    }

    /// Every muscle, in file order.
    pub fn muscles(&self) -> &[Muscle] {
        &self.file.muscles
    }

    /// The red-flag rules.
    pub fn red_flags(&self) -> &[RedFlag] {
        &self.file.red_flags
    }

    /// The concepts red flags are made of, in file order.
    pub fn concepts(&self) -> &[Concept] {
        &self.file.concepts
    }

    /// A concept by id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.file.concepts.iter().find(|c| c.id == id)
    }

    /// Which selections make the screen ask which questions.
    pub fn screens(&self) -> &[Screen] {
        &self.file.screens
    }

    /// The glossary.
    pub fn glossary(&self) -> &[Term] {
        &self.file.glossary
    }

    /// The pain guides, in file order.
    pub fn guides(&self) -> &[Guide] {
        &self.file.guides
    }

    /// The pain guides for one region (one per source), in file order.
    pub fn guides_for<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a Guide> {
        self.file.guides.iter().filter(move |g| g.region == region)
    }

    /// A region by id.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.ix().regions.get(id).map(|&i| &self.file.regions[i])
    }

    /// A region's display name, or the id itself if it is unknown.
    pub fn region_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.region(id).map_or(id, |r| r.name.as_str())
    }

    /// A muscle by id.
    pub fn muscle(&self, id: &str) -> Option<&Muscle> {
        self.ix().muscles.get(id).map(|&i| &self.file.muscles[i])
    }

    /// A trigger point by id, with its muscle.
    pub fn trigger_point(&self, id: &str) -> Option<(&Muscle, &TriggerPoint)> {
        self.ix().trigger_points.get(id).map(|&(i, j)| {
            let m = &self.file.muscles[i];
            (m, &m.trigger_points[j])
        })
    }

    /// Every trigger point with its muscle, in file order.
    pub fn trigger_points(&self) -> impl Iterator<Item = (&Muscle, &TriggerPoint)> {
        self.file
            .muscles
            .iter()
            .flat_map(|m| m.trigger_points.iter().map(move |tp| (m, tp)))
    }

    /// The trigger points whose zones or location include any of `regions`, each once,
    /// in file order: the only ones a selection of those regions can rank.
    pub fn trigger_points_touching<'r>(
        &self,
        regions: impl IntoIterator<Item = &'r str>,
    ) -> Vec<(&Muscle, &TriggerPoint)> {
        let mut at: Vec<(usize, usize)> = regions
            .into_iter()
            .filter_map(|r| self.ix().regions.get(r).map(|&i| &self.ix().touching[i]))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter()
            .map(|(i, j)| {
                let m = &self.file.muscles[i];
                (m, &m.trigger_points[j])
            })
            .collect()
    }

    /// How many trigger points the atlas holds.
    pub fn trigger_point_count(&self) -> usize {
        self.ix().trigger_points.len()
    }

    /// A fingerprint of the contents (64-bit FNV-1a of their JSON form, in hex): saved
    /// with a client's visit so a ranking can be traced to the atlas that made it.
    pub fn fingerprint(&self) -> String {
        let bytes = serde_json::to_vec(&self.file).unwrap_or_default();
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
        format!("{hash:016x}")
    }
}

/// An empty [`Map`] with room for `n` entries.
fn map_for<K, V>(n: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(n, foldhash::fast::FixedState::default())
}

/// Validates a parsed file; its lookup keys when it passes, every problem otherwise.
fn check(file: &AtlasFile, name: &str) -> Result<validate::Keys, AtlasError> {
    let (problems, keys) = validate::check(file);
    if problems.is_empty() {
        Ok(keys)
    } else {
        Err(AtlasError::Invalid {
            file: name.into(),
            problems,
        })
    }
}

impl Index {
    /// Builds the indexes of a file that passed validation (ids and keys are unique),
    /// with its region lookup keys and, when they were made, its muscle keys.
    fn build(
        file: &AtlasFile,
        region_keys: Map<String, usize>,
        muscle_keys: Option<Map<String, usize>>,
    ) -> Index {
        let tp_count = file.muscles.iter().map(|m| m.trigger_points.len()).sum();
        let mut ix = Index {
            regions: map_for(file.regions.len()),
            muscles: map_for(file.muscles.len()),
            trigger_points: map_for(tp_count),
            region_keys,
            muscle_keys: muscle_keys.map_or_else(OnceLock::new, OnceLock::from),
            touching: vec![Vec::new(); file.regions.len()],
        };
        for (i, r) in file.regions.iter().enumerate() {
            ix.regions.insert(r.id.clone(), i);
        }
        for (i, m) in file.muscles.iter().enumerate() {
            ix.muscles.insert(m.id.clone(), i);
            for (j, tp) in m.trigger_points.iter().enumerate() {
                ix.trigger_points.insert(tp.id.clone(), (i, j));
                let regions = tp.essential.iter().chain(&tp.spillover);
                for r in regions.chain(std::iter::once(&tp.location)) {
                    // Validation proved every zone and location a known region.
                    let Some(&at) = ix.regions.get(r.as_str()) else {
                        continue;
                    };
                    let list = &mut ix.touching[at];
                    if list.last() != Some(&(i, j)) {
                        list.push((i, j));
                    }
                }
            }
        }
        ix
    }
}
