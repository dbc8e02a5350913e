//! Readability of a placement as it is drawn: the scene's own curves (parallel relations fan
//! out as arcs), not straight lines between centres. A placement whose straight lines never
//! cross can still send a bundle of arcs over a third actor; scoring what the reader sees
//! catches that. Lives in `scene` because it needs the scene's geometry; `layout` supplies
//! the candidates.

use egui::Pos2;

use super::{LineLabels, LinkMode, Scene, SceneInput, Selection, Style, Theme, build};
use crate::layout::{self, MAX_ACTORS_FOR_CANDIDATES, Readability};
use crate::model::{ActorId, Dataset, PerActor, PerRelation, TiSlice};

/// How far (world units) a drawn line must stay from an actor it does not join.
const CLEARANCE: f32 = 4.0;

/// The scene of `positions` as first shown: core actors, every relation, one line per
/// relation, nothing selected.
fn default_scene(d: &Dataset, positions: &[Pos2]) -> Scene {
    let shown: PerActor<bool> = d.actors.iter().map(|a| !a.secondary).collect();
    let relations: PerRelation<bool> = vec![true; d.relations.len()].into();
    let pinned: PerActor<bool> = vec![false; d.actors.len()].into();
    build(&SceneInput {
        changes: None,
        dataset: d,
        positions: TiSlice::from_ref(positions),
        visible_actors: &shown,
        visible_relations: &relations,
        pinned: &pinned,
        selection: Selection::None,
        hovered: None,
        spotlight: None,
        pair_focus: None,
        style: &Style::for_theme(Theme::Light),
        links: LinkMode::Relation,
        line_labels: LineLabels::Off,
    })
}

/// The unordered actor pair a line joins.
fn pair_of(d: &Dataset, scene: &Scene, edge: usize) -> (ActorId, ActorId) {
    let r = &d.relations[scene.edges[edge].relation];
    (r.from.min(r.to), r.from.max(r.to))
}

/// Scores `positions` on the lines as drawn. Counted per actor pair so a bundle of 23 arcs
/// does not weigh 23 times: `through_nodes` is the number of (pair, actor) where some line of
/// the pair passes over an actor it does not join; `crossings` the number of pairs of actor
/// pairs (sharing no actor) whose lines cross; `squeeze` and `crowding` as in
/// [`layout::readability`].
pub fn drawn_readability(d: &Dataset, positions: &[Pos2]) -> Readability {
    let scene = default_scene(d, positions);
    let shown: Vec<bool> = d.actors.iter().map(|a| !a.secondary).collect();
    let mut through: Vec<((ActorId, ActorId), ActorId)> = Vec::new();
    let mut crossing: Vec<((ActorId, ActorId), (ActorId, ActorId))> = Vec::new();
    for (i, edge) in scene.edges.iter().enumerate() {
        let pair = pair_of(d, &scene, i);
        for node in &scene.nodes {
            if node.actor != pair.0
                && node.actor != pair.1
                && super::distance_to_polyline(node.center, &edge.polyline)
                    < node.radius + CLEARANCE
            {
                through.push((pair, node.actor));
            }
        }
        for (j, other) in scene.edges.iter().enumerate().skip(i + 1) {
            let q = pair_of(d, &scene, j);
            let shares = pair.0 == q.0 || pair.0 == q.1 || pair.1 == q.0 || pair.1 == q.1;
            if !shares && polylines_cross(&edge.polyline, &other.polyline) {
                crossing.push((pair.min(q), pair.max(q)));
            }
        }
    }
    through.sort_unstable();
    through.dedup();
    crossing.sort_unstable();
    crossing.dedup();
    Readability {
        through_nodes: through.len(),
        crossings: crossing.len(),
        squeeze: (180.0 - layout::angular_resolution(d, positions, &shown))
            .round()
            .clamp(0.0, 180.0) as u32,
        crowding: layout::crowding(positions, &shown),
    }
}

/// Maps with at most this many core actors get the local search of [`refine`].
const MAX_ACTORS_REFINED: usize = 12;
/// The grid of places [`refine`] tries for each actor, across the world.
const GRID: (usize, usize) = (12, 8);
/// Passes over all core actors.
const PASSES: usize = 3;

/// Local search from `positions`: move one core actor at a time to the grid point that most
/// improves `score`, keeping only strict improvements (so it stops, and the same input gives
/// the same result). Force layouts spread the actors evenly and never find a nested
/// arrangement (an actor inside the triangle of three others), which is often the one
/// without crossings.
fn refine(
    d: &Dataset,
    mut positions: Vec<Pos2>,
    score: &dyn Fn(&[Pos2]) -> Readability,
) -> Vec<Pos2> {
    let core: Vec<usize> = (0..d.actors.len())
        .filter(|&a| !d.actors[ActorId(a)].secondary)
        .collect();
    if core.len() > MAX_ACTORS_REFINED {
        return positions;
    }
    let world = layout::WORLD.shrink(60.0);
    let grid: Vec<Pos2> = (0..GRID.0)
        .flat_map(|i| (0..GRID.1).map(move |j| (i, j)))
        .map(|(i, j)| {
            world.min
                + egui::vec2(
                    world.width() * i as f32 / (GRID.0 - 1) as f32,
                    world.height() * j as f32 / (GRID.1 - 1) as f32,
                )
        })
        .collect();
    let mut current = score(&positions);
    for _ in 0..PASSES {
        let mut improved = false;
        for &a in &core {
            let here = positions[a];
            let mut best = (current, here);
            for &spot in &grid {
                if core
                    .iter()
                    .any(|&b| b != a && (positions[b] - spot).length() < 120.0)
                {
                    continue;
                }
                positions[a] = spot;
                let s = score(&positions);
                if s < best.0 {
                    best = (s, spot);
                }
            }
            positions[a] = best.1;
            if best.0 < current {
                current = best.0;
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
    positions
}

fn polylines_cross(a: &[Pos2], b: &[Pos2]) -> bool {
    a.windows(2).any(|s| {
        b.windows(2)
            .any(|t| layout::segments_cross(s[0], s[1], t[0], t[1]))
    })
}

/// The starting placement: for a small map without positions in its file, the candidate
/// whose drawn lines read best ([`drawn_readability`]); otherwise the force layout (holding
/// any given positions), reporting progress in `0..=1`.
pub fn readable_positions(d: &Dataset, seed: u64, progress: &mut dyn FnMut(f32)) -> Vec<Pos2> {
    let n = d.actors.len();
    if (3..=MAX_ACTORS_FOR_CANDIDATES).contains(&n) && d.actors.iter().all(|a| a.position.is_none())
    {
        progress(1.0);
        let score = |p: &[Pos2]| drawn_readability(d, p);
        let (best, _, _) = layout::choose_by(d, seed, &score);
        return refine(d, best, &score);
    }
    layout::default_positions_with_progress(d, seed, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_of_arcs_over_a_third_actor_counts_once() {
        let mut d = crate::model::builtin().expect("builtin map loads");
        let core: Vec<bool> = d.actors.iter().map(|a| !a.secondary).collect();
        let id = |name: &str| {
            d.actors
                .iter()
                .position(|a| a.name == name)
                .expect("actor in the shipped map")
        };
        let (cn, kz, us) = (id("China"), id("Kazakhstan"), id("United States"));
        // The United States squarely between China and Kazakhstan: every China–Kazakhstan
        // arc passes over it, but it is one (pair, actor) problem.
        let mut pos: Vec<Pos2> = (0..d.actors.len())
            .map(|i| Pos2::new(i as f32 * 300.0, 900.0))
            .collect();
        pos[cn] = Pos2::new(0.0, 0.0);
        pos[kz] = Pos2::new(600.0, 0.0);
        pos[us] = Pos2::new(300.0, 0.0);
        for a in &mut d.actors {
            a.position = None;
        }
        let score = drawn_readability(&d, &pos);
        assert!(score.through_nodes >= 1, "{score:?}");
        assert!(score.through_nodes <= core.iter().filter(|&&c| c).count() * 3);
        // Moving the United States well off the line clears that actor.
        pos[us] = Pos2::new(300.0, -700.0);
        let moved = drawn_readability(&d, &pos);
        assert!(
            moved.through_nodes < score.through_nodes,
            "{moved:?} vs {score:?}"
        );
    }
}
