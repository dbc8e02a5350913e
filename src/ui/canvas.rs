//! The map canvas: paints the scene and turns pointer input into commands.

use egui::{CursorIcon, Id, Pos2, Rect, Sense, Vec2, WidgetInfo};

use super::Action;
use super::legend::legend;
use crate::map::{EditCommand, MapState, SelectCommand, ViewCommand};
use crate::model::Dataset;
use crate::render::paint_scene;
use crate::scene::{
    CLICK_TOLERANCE_PX, HIT_SLOP_PX, Hit, Scene, Selection, Style, actor_label, line_label,
};

/// Id of the canvas widget.
pub const CANVAS_ID: &str = "relmap-canvas";
/// Accessible name of the canvas (tests use it to find the canvas rectangle).
pub const CANVAS_LABEL: &str = "Relationship map";
/// Side of the accessibility target placed on each relation's midpoint, in points.
const EDGE_TARGET_PX: f32 = 8.0;
/// Most shapes given accessibility widgets per frame.
const MAX_ACCESSIBLE: usize = 2_000;
/// Scroll points per e-fold of zoom.
const SCROLL_ZOOM_SPEED: f32 = 1.0 / 400.0;

/// What is under a screen point, if anything.
type HitTest<'a> = dyn Fn(Pos2) -> Option<Hit> + 'a;

/// Paints the canvas and returns what the user did on it.
pub fn canvas(
    ui: &mut egui::Ui,
    state: &MapState,
    style: &Style,
    legend_shown: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let id = Id::unique(CANVAS_ID);
    let rect = ui.available_rect_before_wrap();
    let response = ui.interact(rect, id, Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, CANVAS_LABEL));
    ui.advance_cursor_after_rect(rect);

    if state.camera.canvas != Some(rect) {
        actions.push(ViewCommand::Canvas(rect).into());
    }
    let fit = state.needs_fit(rect);
    if fit {
        actions.push(
            ViewCommand::FitTo {
                canvas: rect,
                legend: legend_shown,
            }
            .into(),
        );
    }
    // A jump is drawn now, not a frame late; a glide starts from the current view.
    let view = if fit && !state.next_fit_glides() {
        state.fitted_view(rect, legend_shown)
    } else {
        state.view_shown(fit_progress(ui.ctx(), id, state))
    };
    let t = view.screen_from_world(rect);
    let world_from_screen = t.inverse();
    let scene = state.scene_cached(style);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, scene.background);
    paint_scene(&painter, &scene, t);
    if legend_shown {
        actions.extend(legend(ui.ctx(), rect, state, style));
    }
    expose_accessibility(ui, state, &scene, t, id);
    focus_keyboard_target(ui, state, &scene, id);

    let slop = HIT_SLOP_PX / view.zoom;
    let hit_at = |p: Pos2| scene.hit(world_from_screen * p, slop);

    // Hover (not while dragging: the dragged thing keeps its highlight).
    // Only where the canvas itself is under the pointer: a window or dialog over the map
    // (the article, a form, the shortcut list) hides what is beneath it.
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| rect.contains(*p) && response.contains_pointer());
    let hover = if state.dragged().is_some() {
        state.pointing.hovered
    } else if state.is_very_large() && state.place.layout_request.wanted {
        // Everything moves under the pointer and every frame's scene is new: finding what is
        // under it built a hit index over every line each frame (a tenth of the UI thread at
        // 100,000 actors). Hover resumes when the layout settles; clicks still hit-test.
        None
    } else {
        pointer.and_then(hit_at)
    };
    if hover != state.pointing.hovered {
        actions.push(SelectCommand::Hover(hover).into());
    }

    let tolerance = CLICK_TOLERANCE_PX / view.zoom;
    let near_miss = |p: Pos2| scene.hit(world_from_screen * p, tolerance);
    pointer_actions(ui, &response, state, (&hit_at, &near_miss), &mut actions);

    // Zoom toward the pointer: scroll wheel, Ctrl+scroll or pinch.
    if let Some(anchor) = pointer {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = pinch * (scroll.y * SCROLL_ZOOM_SPEED).exp();
        if (factor - 1.0).abs() > 1e-4 {
            actions.push(
                ViewCommand::Zoom {
                    factor,
                    anchor,
                    canvas: rect,
                }
                .into(),
            );
        }
    }

    let cursor = match (state.dragged(), hover) {
        (Some(_), _) => Some(CursorIcon::Grabbing),
        (None, Some(Hit::Node(_))) => Some(CursorIcon::Grab),
        (None, Some(Hit::Edge(_))) => Some(CursorIcon::PointingHand),
        _ => None,
    };
    if let Some(cursor) = cursor {
        ui.ctx().set_cursor_icon(cursor);
    }
    if let Some(hit) = hover.filter(|_| state.dragged().is_none()) {
        let combined = match hit {
            Hit::Edge(r) => scene.edge(r).filter(|e| e.members.len() > 1),
            Hit::Node(_) => None,
        };
        match combined {
            Some(edge) => {
                let label = line_label(&state.doc.dataset, edge);
                response.on_hover_ui_at_pointer(|ui| {
                    ui.strong(label);
                    ui.label(
                        egui::RichText::new("Click to list these relations and their evidence")
                            .italics()
                            .weak(),
                    );
                });
            }
            None => {
                response.on_hover_ui_at_pointer(|ui| tooltip(ui, &state.doc.dataset, hit, state));
            }
        }
    }
    actions
}

/// Whether the keyboard is on the map: on the canvas, on the actor or relation it reached
/// (see [`focus_keyboard_target`]), or nowhere in particular.
pub fn map_has_focus(ctx: &egui::Context) -> bool {
    let id = Id::unique(CANVAS_ID);
    let focused = ctx.memory(|m| m.focused());
    let reached = ctx.data(|d| d.get_temp::<Id>(id.with("keyboard-focus")));
    focused.is_none() || focused == Some(id) || (focused.is_some() && focused == reached)
}

/// Gives egui (and so AccessKit and screen readers) focus to the actor or relation the
/// keyboard reached with Tab or ←/→, once per move, so its name is announced.
fn focus_keyboard_target(ui: &egui::Ui, state: &MapState, scene: &Scene, id: Id) {
    let target = match (
        state.key_lit(),
        state.pointing.key_focus.actor,
        state.pointing.selection,
    ) {
        (Some(Hit::Edge(r)), _, _) => scene.edge_drawing(r).map(|e| id.with(("edge", e.relation))),
        (_, Some(a), Selection::Actor(s)) if a == s => Some(id.with(("node", a))),
        _ => None,
    };
    let memo = id.with("keyboard-focus");
    let last = ui.data(|d| d.get_temp::<Id>(memo));
    if let Some(target) = target
        && last != Some(target)
    {
        ui.memory_mut(|m| m.request_focus(target));
        ui.data_mut(|d| d.insert_temp(memo, target));
    }
}

/// How far (0…1) the current animated re-fit has come. egui times it: the first frame that
/// sees a new `fit_generation` starts a [`FIT_SECONDS`] animation toward it.
fn fit_progress(ctx: &egui::Context, id: Id, state: &MapState) -> f32 {
    // egui advances animations by a frame's expected time, not the real one: at a second a
    // frame (100,000 actors, software rendering) a 0.35 s glide took half a minute.
    if state.is_very_large() {
        return 1.0;
    }
    // Generations count up from 0; an f32 holds them exactly far beyond any session.
    let target = state.camera.fit_generation as f32;
    let now = ctx.animate_value_with_time(id.with("fit"), target, FIT_SECONDS);
    1.0 - (target - now).clamp(0.0, 1.0)
}

/// Duration of an animated re-fit, in seconds: long enough to follow, short enough not to wait.
const FIT_SECONDS: f32 = 0.35;

/// Gives every node and relation on screen an accessible widget at a point where clicking
/// hits it, so screen readers (and UI tests) find "China — Kazakhstan: Energy…, 5 passages".
/// Huge maps expose only what is on screen, up to a cap, to keep frames fast.
fn expose_accessibility(
    ui: &egui::Ui,
    state: &MapState,
    scene: &Scene,
    t: egui::emath::TSTransform,
    id: Id,
) {
    let d = &state.doc.dataset;
    let clip = ui.clip_rect();
    let degrees = state.degrees();
    let mut budget = MAX_ACCESSIBLE;
    for e in &scene.edges {
        if budget == 0 {
            break;
        }
        let mid = t * e.curve.point(0.5);
        if !clip.contains(mid) {
            continue;
        }
        budget -= 1;
        let r = Rect::from_center_size(mid, Vec2::splat(EDGE_TARGET_PX));
        ui.interact(
            r,
            id.with(("edge", e.relation)),
            Sense::focusable_noninteractive(),
        )
        .widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, line_label(d, e)));
    }
    for n in &scene.nodes {
        if budget == 0 {
            break;
        }
        let c = t * n.center;
        if !clip.contains(c) {
            continue;
        }
        budget -= 1;
        let r = Rect::from_center_size(c, Vec2::splat(n.radius * t.scaling));
        ui.interact(
            r,
            id.with(("node", n.actor)),
            Sense::focusable_noninteractive(),
        )
        .widget_info(|| {
            WidgetInfo::labeled(
                egui::Role::Button,
                true,
                actor_label(d, n.actor, degrees[n.actor]),
            )
        });
    }
}

fn tooltip(ui: &mut egui::Ui, d: &Dataset, hit: Hit, state: &MapState) {
    match hit {
        Hit::Edge(r) => {
            let rel = &d.relations[r];
            ui.strong(d.relation_endpoints(rel));
            ui.label(&rel.label);
            let n = rel.passages.len();
            ui.label(
                egui::RichText::new(format!(
                    "{} · {} · {}",
                    rel.dimension.as_str(),
                    rel.tone.as_str(),
                    if n == 0 {
                        "no evidence".to_owned()
                    } else {
                        format!("{n} passage{}", if n == 1 { "" } else { "s" })
                    }
                ))
                .weak(),
            );
            ui.label(
                egui::RichText::new("Click to read the evidence")
                    .italics()
                    .weak(),
            );
        }
        Hit::Node(a) => {
            let actor = &d.actors[a];
            ui.strong(&actor.name);
            let degree = state.degrees().get(a).copied().unwrap_or(0);
            ui.label(format!("{} · {degree} relations", actor.kind.as_str()));
            if state.is_pinned(a) {
                ui.label(egui::RichText::new("Pinned · double-click to unpin").weak());
            } else {
                ui.label(
                    egui::RichText::new(
                        "Drag to move · click to select · Ctrl+click to add to the selection",
                    )
                    .weak(),
                );
            }
        }
    }
}

/// Drags (move a node or pan), clicks (select) and double-clicks (unpin, fit).
fn pointer_actions(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &MapState,
    (hit_at, near_miss): (&HitTest<'_>, &HitTest<'_>),
    actions: &mut Vec<Action>,
) {
    // Dragging a node moves it; dragging the background pans.
    if response.drag_started() {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .unwrap_or(response.rect.center());
        if let Some(Hit::Node(actor)) = hit_at(origin) {
            actions.push(EditCommand::StartDrag(actor).into());
        }
    }
    if response.dragged() {
        match (state.dragged(), state.drag_from()) {
            (Some(_), Some(from)) => {
                let origin = ui.input(|i| i.pointer.press_origin());
                if let (Some(origin), Some(now), Some(actor)) =
                    (origin, response.interact_pointer_pos(), state.dragged())
                {
                    let to = keep_in_view(
                        from + (now - origin) / state.camera.view.zoom,
                        state,
                        response.rect,
                    );
                    // Holding still emits nothing, so the app can go idle mid-drag.
                    if state.place.positions.get(actor) != Some(&to) {
                        actions.push(EditCommand::DragTo(to).into());
                    }
                }
            }
            _ => {
                let delta = response.drag_delta();
                if delta != Vec2::ZERO {
                    actions.push(ViewCommand::Pan(delta).into());
                }
            }
        }
    }
    if response.drag_stopped() && state.dragged().is_some() {
        actions.push(EditCommand::EndDrag.into());
    }

    if response.double_clicked() {
        match response.interact_pointer_pos().and_then(hit_at) {
            Some(Hit::Node(actor)) => actions.push(EditCommand::Unpin(actor).into()),
            Some(Hit::Edge(_)) => {}
            None => actions.push(ViewCommand::Fit.into()),
        }
    } else if response.clicked() {
        // A near miss picks the nearest line within the click tolerance; only a click on
        // clearly empty canvas clears the selection.
        let picked = response
            .interact_pointer_pos()
            .and_then(|p| hit_at(p).or_else(|| near_miss(p)));
        // What the click means for the selection is decided in one place, `MapState::apply`.
        let add = ui.input(|i| i.modifiers.command || i.modifiers.shift);
        actions.push(SelectCommand::Click { hit: picked, add }.into());
    }
}

/// Space kept between a dragged node's centre and the canvas edge, in screen points: the node
/// and its label stay visible and clear of the panels around the canvas.
const DRAG_MARGIN_PX: f32 = 30.0;

/// `pos_in_world` moved, if needed, so the node stays inside the visible canvas.
fn keep_in_view(pos_in_world: Pos2, state: &MapState, canvas: Rect) -> Pos2 {
    let screen_from_world = state.camera.view.screen_from_world(canvas);
    let room = canvas.shrink(DRAG_MARGIN_PX);
    if room.is_negative() {
        return pos_in_world;
    }
    let on_screen = (screen_from_world * pos_in_world).clamp(room.min, room.max);
    screen_from_world.inverse() * on_screen
}
