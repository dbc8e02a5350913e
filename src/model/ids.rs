//! Typed indices: an actor, a relation and a passage are named by their place in the dataset,
//! and the type says which list the number indexes so one cannot be used for another.

use typed_index_collections::TiVec;

/// An actor: its index in [`super::Dataset::actors`] (and in every per-actor vector:
/// positions, pins, visibility).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorId(pub usize);

/// A relation: its index in [`super::Dataset::relations`] (and in per-relation vectors).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(pub usize);

/// A source document: its index in [`super::Dataset::sources`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub usize);

/// A passage: its relation and its index in that relation's passages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PassageId {
    /// The relation the passage supports.
    pub relation: RelationId,
    /// Index in the relation's passages.
    pub index: usize,
}

impl PassageId {
    /// Passage `index` of `relation`.
    pub fn new(relation: RelationId, index: usize) -> Self {
        Self { relation, index }
    }
}

impl std::fmt::Display for ActorId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "actor #{}", self.0)
    }
}

impl std::fmt::Display for RelationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "relation #{}", self.0)
    }
}

/// One value per actor, indexed by [`ActorId`] only: `positions[relation_id]` does not
/// compile, which a `Vec` indexed by any id would allow.
///
/// ```
/// use relmap::model::{ActorId, PerActor};
/// let positions: PerActor<f32> = vec![0.5].into();
/// assert_eq!(positions[ActorId(0)], 0.5);
/// ```
///
/// ```compile_fail
/// use relmap::model::{PerActor, RelationId};
/// let positions: PerActor<f32> = vec![0.5].into();
/// let _ = positions[RelationId(0)];
/// ```
///
/// ```compile_fail
/// use relmap::model::PerActor;
/// let positions: PerActor<f32> = vec![0.5].into();
/// let _ = positions[0];
/// ```
pub type PerActor<T> = TiVec<ActorId, T>;
/// One value per relation, indexed by [`RelationId`] only.
pub type PerRelation<T> = TiVec<RelationId, T>;
/// One value per source document, indexed by [`SourceId`] only.
pub type PerSource<T> = TiVec<SourceId, T>;

macro_rules! plain_index {
    ($id:ident) => {
        impl From<usize> for $id {
            fn from(index: usize) -> Self {
                Self(index)
            }
        }
        impl From<$id> for usize {
            fn from(id: $id) -> Self {
                id.0
            }
        }
    };
}

plain_index!(ActorId);
plain_index!(RelationId);
plain_index!(SourceId);

impl ActorId {
    /// Every actor id of a dataset with `n` actors, in order.
    pub fn all(n: usize) -> impl Iterator<Item = Self> {
        (0..n).map(Self)
    }
}

impl RelationId {
    /// Every relation id of a dataset with `n` relations, in order.
    pub fn all(n: usize) -> impl Iterator<Item = Self> {
        (0..n).map(Self)
    }
}

impl SourceId {
    /// Every source id of a dataset with `n` sources, in order.
    pub fn all(n: usize) -> impl Iterator<Item = Self> {
        (0..n).map(Self)
    }
}

/// `base`, or `base-2`, `base-3`… whichever is not `taken`: a fresh id for an actor,
/// relation or source that keeps the readable base.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| base.to_owned())
}
