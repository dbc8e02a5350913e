//! Typed indices: an actor, a relation and a passage are named by their place in the dataset,
//! and the type says which list the number indexes so one cannot be used for another.

use std::ops::{Index, IndexMut};

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

macro_rules! index_by {
    ($id:ty) => {
        impl<T> Index<$id> for [T] {
            type Output = T;
            fn index(&self, id: $id) -> &T {
                &self[id.0]
            }
        }
        impl<T> IndexMut<$id> for [T] {
            fn index_mut(&mut self, id: $id) -> &mut T {
                &mut self[id.0]
            }
        }
        impl<T> Index<$id> for Vec<T> {
            type Output = T;
            fn index(&self, id: $id) -> &T {
                &self[id.0]
            }
        }
        impl<T> IndexMut<$id> for Vec<T> {
            fn index_mut(&mut self, id: $id) -> &mut T {
                &mut self[id.0]
            }
        }
    };
}

index_by!(ActorId);
index_by!(RelationId);
index_by!(SourceId);

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
