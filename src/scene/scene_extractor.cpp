#include "scene/scene_extractor.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>

#include "scene/skin_tone.hpp"
#include "tissue/coverage.hpp"
#include "tissue/rf_coagulation.hpp"

namespace dermasim::scene {

namespace {

std::uint8_t to_byte(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

double linear_to_srgb(double c) {
  c = std::clamp(c, 0.0, 1.0);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

// Edge samples every this many mm: fine enough to follow a mark's thinned
// dermis where it reaches the edge of the block.
constexpr double edge_step_mm = 0.5;
constexpr double cut_step_mm = 0.25;
// Thin slivers cost a software rasteriser per triangle: only near a tent.
constexpr int cut_tent_subdivisions = 2;

// Moves a column of strata as the pen presses it (SkinDeformation).
void deform_column(const SkinDeformation& dent, StrataColumn& c) {
  const double shift = surface_shift_z_mm(dent, c.x_mm, c.y_mm);
  if (shift == 0.0) return;
  const std::size_t fat = tissue::layer_count - 1;
  const double fat_top = c.surface_z_mm - c.bottom_z_mm[fat - 1], fat_bottom = c.surface_z_mm - c.bottom_z_mm[fat];
  for (auto& z : c.bottom_z_mm) z += tissue_shift_z_mm(shift, c.surface_z_mm - z, fat_top, fat_bottom);
  c.surface_z_mm += shift;
  c.shift_z_mm = shift;
}

}  // namespace

void CellRect::include(const CellRect& o) {
  if (o.empty()) return;
  if (empty()) {
    *this = o;
    return;
  }
  x0 = std::min(x0, o.x0);
  y0 = std::min(y0, o.y0);
  x1 = std::max(x1, o.x1);
  y1 = std::max(y1, o.y1);
}

std::shared_ptr<const SkinFields> build_skin_fields(const tissue::SkinPatch& patch, std::uint64_t revision) {
  auto f = std::make_shared<SkinFields>();
  f->cell_mm = tissue::SkinPatch::lookup_cell_mm;
  f->width_mm = patch.width_mm();
  f->height_mm = patch.height_mm();
  f->nx = static_cast<int>(std::ceil(patch.width_mm() / f->cell_mm - 1e-9));
  f->ny = static_cast<int>(std::ceil(patch.height_mm() / f->cell_mm - 1e-9));
  f->revision = revision;
  const auto n = static_cast<std::size_t>(f->nx) * static_cast<std::size_t>(f->ny);
  f->surface_z_mm.assign(n, 0.0f);
  f->stria.assign(n, {0, 0, 0, 0});
  f->stria_shape.assign(n, {1.0f, 0.0f, 0.0f, 0.0f});
  for (int y = 0; y < f->ny; ++y)
    for (int x = 0; x < f->nx; ++x) {
      const auto i = static_cast<std::size_t>(y * f->nx + x);
      const double px = (x + 0.5) * f->cell_mm, py = (y + 0.5) * f->cell_mm;
      const tissue::LocalTissue local = patch.at(px, py);
      f->surface_z_mm[i] = static_cast<float>(-local.depression_mm);
      if (local.stria_index < 0 || local.stria_influence <= 0.0) continue;
      const auto& effect = patch.effect(local.stria_index);
      const auto& mark = patch.marks()[static_cast<std::size_t>(local.stria_index)];
      f->stria[i] = {to_byte(linear_to_srgb(effect.colour.r)), to_byte(linear_to_srgb(effect.colour.g)),
                     to_byte(linear_to_srgb(effect.colour.b)), to_byte(local.stria_influence)};
      const double a = mark.angle_deg * std::numbers::pi / 180.0;
      f->stria_shape[i] = {static_cast<float>(std::cos(a)), static_cast<float>(std::sin(a)),
                           mark.type == tissue::StriaType::alba ? 1.0f : 0.0f, static_cast<float>(mark.severity)};
    }
  return f;
}

StrataColumn strata_column(const tissue::SkinPatch& patch, double x_mm, double y_mm) {
  const tissue::LocalTissue local = patch.at(x_mm, y_mm);
  StrataColumn c;
  c.x_mm = x_mm;
  c.y_mm = y_mm;
  c.surface_z_mm = -local.depression_mm;
  const auto bottoms = local.layers.bottoms_mm();
  for (std::size_t k = 0; k < bottoms.size(); ++k) c.bottom_z_mm[k] = c.surface_z_mm - bottoms[k];
  return c;
}

void SceneExtractor::invalidate() {
  patch_ = nullptr;
  last_counts_.clear();
}

const RenderScene& SceneExtractor::update(const physics::Simulator& sim, const SceneSettings& settings) {
  const tissue::SkinPatch& patch = sim.patch();
  if (patch_ != &patch) {
    patch_ = &patch;
    scene_ = RenderScene{};
    // Revisions are unique across extractors: a renderer may outlive one.
    static std::atomic<std::uint64_t> next_revision{0};
    scene_.skin = build_skin_fields(patch, ++next_revision);
    update_block(patch);
    last_counts_.clear();
  }
  scene_.width_mm = patch.width_mm();
  scene_.height_mm = patch.height_mm();
  scene_.time_s = sim.time_s();
  scene_.fitzpatrick = std::clamp(settings.fitzpatrick, fitzpatrick_min, fitzpatrick_max);
  scene_.skin_tone_linear = skin_tone_linear(scene_.fitzpatrick);
  scene_.vertical_exaggeration =
      std::clamp(settings.vertical_exaggeration, SceneSettings::min_exaggeration, SceneSettings::max_exaggeration);
  scene_.show_coverage = settings.show_coverage;
  scene_.coverage_target_per_cm2 = settings.coverage_target_per_cm2;
  update_treatment(sim.grid(), patch, settings, sim.time_s());
  update_pen(sim, settings);
  update_cutaway(sim, settings);
  return scene_;
}

void SceneExtractor::update_block(const tissue::SkinPatch& patch) {
  const double w = patch.width_mm(), h = patch.height_mm();
  // Corners sit a hair inside the patch so the lookup reads the patch's own cells.
  const double e = 1e-6;
  const std::array<std::array<double, 4>, 4> edges{{
      {{e, e, w - e, e}}, {{w - e, e, w - e, h - e}}, {{w - e, h - e, e, h - e}}, {{e, h - e, e, e}}}};
  double deepest = 0.0;
  for (std::size_t k = 0; k < 4; ++k) {
    const auto& [x0, y0, x1, y1] = edges[k];
    const double length = std::hypot(x1 - x0, y1 - y0);
    const int n = std::max(2, static_cast<int>(std::ceil(length / edge_step_mm)) + 1);
    auto& column = scene_.block.edges[k];
    column.clear();
    for (int i = 0; i < n; ++i) {
      const double t = static_cast<double>(i) / (n - 1);
      column.push_back(strata_column(patch, x0 + t * (x1 - x0), y0 + t * (y1 - y0)));
      deepest = std::min(deepest, column.back().bottom_z_mm.back());
    }
  }
  scene_.block.bottom_z_mm = deepest;
}

void SceneExtractor::update_treatment(const tissue::TissueGrid& grid, const tissue::SkinPatch& patch,
                                      const SceneSettings& settings, double time_s) {
  TreatmentFields& t = scene_.treatment;
  const int nx = grid.nx(), ny = grid.ny();
  const auto n = grid.cell_count();
  t.changed = {};
  const bool fresh = last_counts_.size() != n || t.nx != nx || t.ny != ny;
  const bool target_changed = settings.coverage_target_per_cm2 != last_target_per_cm2_ ||
                              settings.coverage_max_per_cm2 != last_max_per_cm2_ ||
                              settings.coverage_window_mm != last_window_mm_;
  if (fresh) {
    t.nx = nx;
    t.ny = ny;
    t.rgba.assign(n, {0, 0, 0, 0});
    last_counts_.assign(n, 0);
    row_has_treatment_.assign(static_cast<std::size_t>(ny), 0);
    const auto sat_size = static_cast<std::size_t>(nx + 1) * static_cast<std::size_t>(ny + 1);
    summed_counts_.assign(sat_size, 0);
    summed_mark_counts_.assign(sat_size, 0);
    summed_mark_cells_.assign(sat_size, 0);
    const auto bits = tissue::mark_membership_bits(grid, patch, tissue::CoverageTarget{}.mark_membership);
    in_mark_.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) in_mark_[i] = bits[i] != 0 ? 1 : 0;
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) {
        const auto at = [&](int i, int j) { return static_cast<std::size_t>(j) * static_cast<std::size_t>(nx + 1) + static_cast<std::size_t>(i); };
        summed_mark_cells_[at(x + 1, y + 1)] = in_mark_[static_cast<std::size_t>(y * nx + x)] + summed_mark_cells_[at(x, y + 1)] +
                                              summed_mark_cells_[at(x + 1, y)] - summed_mark_cells_[at(x, y)];
      }
    last_total_ = 0;
    t.all_changed = true;
  }
  last_target_per_cm2_ = settings.coverage_target_per_cm2;
  last_max_per_cm2_ = settings.coverage_max_per_cm2;
  last_window_mm_ = settings.coverage_window_mm;

  const int half = std::max(0, static_cast<int>(std::lround(settings.coverage_window_mm / tissue::TissueGrid::cell_mm / 2.0)));
  // Erythema reads 2 cells around a cell; density reads `half`.
  const int margin = std::max(2, half) + 1;

  CellRect dirty;
  if (grid.total_punctures() != last_total_ || fresh) {
    const auto& counts = grid.puncture_counts();
    for (int y = 0; y < ny; ++y) {
      const auto row = static_cast<std::size_t>(y) * static_cast<std::size_t>(nx);
      if (std::equal(counts.begin() + static_cast<std::ptrdiff_t>(row),
                     counts.begin() + static_cast<std::ptrdiff_t>(row + static_cast<std::size_t>(nx)),
                     last_counts_.begin() + static_cast<std::ptrdiff_t>(row)))
        continue;
      for (int x = 0; x < nx; ++x) {
        const auto i = row + static_cast<std::size_t>(x);
        if (counts[i] == last_counts_[i]) continue;
        dirty.include({std::max(0, x - margin), std::max(0, y - margin), std::min(nx, x + margin + 1),
                       std::min(ny, y + margin + 1)});
      }
    }
    std::copy(counts.begin(), counts.end(), last_counts_.begin());
    last_total_ = grid.total_punctures();
    // Summed-area table of the counts: any window's total in four lookups.
    auto at = [&](int x, int y) -> std::uint64_t& {
      return summed_counts_[static_cast<std::size_t>(y) * static_cast<std::size_t>(nx + 1) + static_cast<std::size_t>(x)];
    };
    auto at_mark = [&](int x, int y) -> std::uint64_t& {
      return summed_mark_counts_[static_cast<std::size_t>(y) * static_cast<std::size_t>(nx + 1) + static_cast<std::size_t>(x)];
    };
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) {
        const auto i = static_cast<std::size_t>(y * nx + x);
        at(x + 1, y + 1) = counts[i] + at(x, y + 1) + at(x + 1, y) - at(x, y);
        at_mark(x + 1, y + 1) = (in_mark_[i] ? counts[i] : 0u) + at_mark(x, y + 1) + at_mark(x + 1, y) - at_mark(x, y);
      }
    for (int y = dirty.y0; y < dirty.y1; ++y) row_has_treatment_[static_cast<std::size_t>(y)] = 1;
  }
  if (target_changed && !fresh) dirty = {0, 0, nx, ny};
  if (!dirty.empty()) recompute_cells(grid, settings, time_s, dirty);
  t.changed.include(dirty);

  // Rolling refresh: bleeding fades over minutes and redness over hours, so a
  // few rows per frame keep every treated row current within seconds.
  for (int k = 0; k < refresh_rows_per_update && ny > 0; ++k) {
    refresh_row_ = (refresh_row_ + 1) % ny;
    if (!row_has_treatment_[static_cast<std::size_t>(refresh_row_)]) continue;
    const CellRect row{0, refresh_row_, nx, refresh_row_ + 1};
    recompute_cells(grid, settings, time_s, row);
    t.changed.include(row);
  }
}

void SceneExtractor::recompute_cells(const tissue::TissueGrid& grid, const SceneSettings& settings, double time_s,
                                     const CellRect& r) {
  const int nx = grid.nx(), ny = grid.ny();
  const int half = std::max(0, static_cast<int>(std::lround(settings.coverage_window_mm / tissue::TissueGrid::cell_mm / 2.0)));
  auto at = [&](int x, int y) {
    return summed_counts_[static_cast<std::size_t>(y) * static_cast<std::size_t>(nx + 1) + static_cast<std::size_t>(x)];
  };
  const double cell_area_cm2 = tissue::TissueGrid::cell_mm * tissue::TissueGrid::cell_mm / 100.0;
  const double target = std::max(1.0, settings.coverage_target_per_cm2);
  const double maximum = std::max(target * 1.01, settings.coverage_max_per_cm2);
  // The coverage channel, as grading sees it: 0..0.5 below the target, 0.5..1
  // from the target up to the over-treatment ceiling (log scale: pens lay
  // thousands of punctures per cm2), 1 above it.
  auto coverage_level = [&](double d) {
    if (d < target) return 0.5 * d / target;
    return 0.5 + 0.5 * std::min(1.0, std::log(d / target) / std::log(maximum / target));
  };
  for (int y = r.y0; y < r.y1; ++y)
    for (int x = r.x0; x < r.x1; ++x) {
      const int cell = y * nx + x;
      const int x0 = std::max(0, x - half), x1 = std::min(nx, x + half + 1);
      const int y0 = std::max(0, y - half), y1 = std::min(ny, y + half + 1);
      double density_per_cm2 = 0.0;
      if (in_mark_[static_cast<std::size_t>(cell)]) {
        // On a mark: its own punctures over its own area, as grading counts.
        const auto sum = [&](const auto& table) {
          const auto idx = [&](int i, int j) { return static_cast<std::size_t>(j) * static_cast<std::size_t>(nx + 1) + static_cast<std::size_t>(i); };
          return static_cast<double>(table[idx(x1, y1)] + table[idx(x0, y0)] - table[idx(x0, y1)] - table[idx(x1, y0)]);
        };
        density_per_cm2 = sum(summed_mark_counts_) / (std::max(1.0, sum(summed_mark_cells_)) * cell_area_cm2);
      } else {
        const auto count = static_cast<double>(at(x1, y1) + at(x0, y0) - at(x0, y1) - at(x1, y0));
        density_per_cm2 = count / ((x1 - x0) * (y1 - y0) * cell_area_cm2);
      }
      auto& px = scene_.treatment.rgba[static_cast<std::size_t>(cell)];
      px = {to_byte(grid.erythema(cell, time_s)), to_byte(grid.bleeding(cell, time_s)),
            to_byte(coverage_level(density_per_cm2)), grid.punctures(cell) > 0 ? std::uint8_t{255} : std::uint8_t{0}};
    }
}

void SceneExtractor::update_pen(const physics::Simulator& sim, const SceneSettings& settings) {
  const physics::PenPose& pose = sim.pose();
  PenScene& pen = scene_.pen;
  // The pen is drawn where it is: when the cap presses millimetres of soft
  // tissue down, the surface under it is drawn pressed down with it (the
  // deformation below), and the needles at their true depth below that.
  pen.cap_center_mm = pose.cap_center_mm;
  pen.axis = pose.needle_axis;
  pen.cap_u = pose.cap_u;
  pen.cap_v = pose.cap_v;
  pen.cap_radius_mm = sim.cartridge().cap_radius_mm;
  pen.needle_radius_mm = 0.5 * sim.cartridge().needle_diameter_mm;
  pen.motor_on = settings.motor_on;
  pen.in_contact = pose.in_contact;
  pen.opacity = settings.pen_opacity;

  SkinDeformation& dent = scene_.deformation;
  dent.tents.clear();
  dent.cap_x_mm = pose.cap_center_mm.x;
  dent.cap_y_mm = pose.cap_center_mm.y;
  dent.cap_radius_mm = pen.cap_radius_mm;
  // The surface under the cap is where the cap face is: the physics' cap
  // indentation (Bullet's contact depth) within its contact margin, and the
  // level the needles' advance is measured from, so the tips meet the drawn
  // surface exactly.
  dent.cap_indent_mm = pose.in_contact ? std::max(0.0, -pose.cap_center_mm.z) : 0.0;

  const double cos_tilt = std::max(0.2, -pose.needle_axis.z);
  const auto needles = sim.needles();
  const auto& offsets = sim.cartridge().needles;
  pen.needles.resize(needles.size());
  for (std::size_t i = 0; i < needles.size() && i < offsets.size(); ++i) {
    const physics::NeedleState& s = needles[i];
    NeedleScene& n = pen.needles[i];
    n.base_mm = pose.cap_center_mm + offsets[i].x_mm * pose.cap_u + offsets[i].y_mm * pose.cap_v;
    // The physics measures a needle's advance from where it meets the skin
    // (the cap face when pressed); before that it travels the gap under the cap.
    const double gap_mm = std::max(0.0, n.base_mm.z) / cos_tilt;
    n.in_skin = s.phase == physics::NeedlePhase::inserted;
    n.tip_mm = n.base_mm + pose.needle_axis * std::max(0.0, gap_mm + s.advance_mm);
    if (s.phase == physics::NeedlePhase::out || s.tent_mm <= 0.0) continue;
    // The surface under the needle dips by its tent: where it broke the skin
    // once inserted, under the tip while it only presses.
    const glm::dvec3 touch = n.base_mm + pose.needle_axis * gap_mm;
    dent.tents.push_back({n.in_skin ? s.entry_x_mm : touch.x, n.in_skin ? s.entry_y_mm : touch.y, s.tent_mm});
  }
  dent.finish();
}

void SceneExtractor::update_cutaway(const physics::Simulator& sim, const SceneSettings& settings) {
  CutawayScene& cut = scene_.cutaway;
  const tissue::SkinPatch& patch = sim.patch();
  const tissue::TissueGrid& grid = sim.grid();
  cut.enabled = settings.cutaway;
  cut.locked = settings.cutaway_locked;
  cut.axis = settings.cutaway_axis;
  const glm::dvec3 pen = sim.pose().cap_center_mm;
  const bool along_x = cut.axis == CutAxis::along_x;
  const double limit = along_x ? patch.height_mm() : patch.width_mm();
  const double follow = along_x ? pen.y : pen.x;
  cut.position_mm = std::clamp(settings.cutaway_locked ? settings.cutaway_locked_position_mm : follow, 0.0, limit);
  cut.pen_along_mm = along_x ? pen.x : pen.y;
  cut.target_layer = settings.target_layer;

  const auto& telemetry = sim.last_events().telemetry;
  cut.achieved_depth_mm = telemetry.stroke_depth_mm;
  const double pen_x = std::clamp(pen.x, 0.0, patch.width_mm()), pen_y = std::clamp(pen.y, 0.0, patch.height_mm());
  const auto layers_at_pen = patch.at(pen_x, pen_y).layers;
  const auto bottoms = layers_at_pen.bottoms_mm();
  const int target_index = std::max(0, tissue::layer_index(settings.target_layer));
  cut.target_bottom_mm = bottoms[static_cast<std::size_t>(target_index)];
  cut.target_top_mm = target_index == 0 ? 0.0 : bottoms[static_cast<std::size_t>(target_index - 1)];

  cut.columns.clear();
  cut.channels.clear();
  if (!cut.enabled) return;
  const SkinDeformation& dent = scene_.deformation;
  const double length = along_x ? patch.width_mm() : patch.height_mm();
  const int n = static_cast<int>(std::ceil(length / cut_step_mm)) + 1;
  const double e = 1e-6;
  const double fixed = std::clamp(cut.position_mm, e, limit - e);
  // Near a needle's tent (0.75 mm each way) the cut is sampled finer so the
  // tent keeps its shape; elsewhere the 0.25 mm columns follow the cap's dip.
  auto near_tent = [&](double a0, double a1) {
    for (const auto& t : dent.tents) {
      const double across = along_x ? t.y_mm - fixed : t.x_mm - fixed, along = along_x ? t.x_mm : t.y_mm;
      if (std::abs(across) < SkinDeformation::tent_radius_mm && a1 > along - SkinDeformation::tent_radius_mm &&
          a0 < along + SkinDeformation::tent_radius_mm)
        return true;
    }
    return false;
  };
  for (int i = 0; i < n; ++i) {
    const double a0 = i * cut_step_mm;
    const int parts = i + 1 < n && near_tent(a0, a0 + cut_step_mm) ? cut_tent_subdivisions : 1;
    for (int k = 0; k < parts; ++k) {
      const double along = std::clamp(a0 + k * cut_step_mm / parts, e, length - e);
      StrataColumn c = along_x ? strata_column(patch, along, fixed) : strata_column(patch, fixed, along);
      deform_column(dent, c);
      cut.columns.push_back(c);
    }
  }
  // Channels: the punctured cells in the row (or column) of cells the plane cuts.
  const int line = along_x ? std::min(grid.ny() - 1, static_cast<int>(fixed / tissue::TissueGrid::cell_mm))
                           : std::min(grid.nx() - 1, static_cast<int>(fixed / tissue::TissueGrid::cell_mm));
  const int cells = along_x ? grid.nx() : grid.ny();
  // P6: an RF cartridge leaves a coagulation zone at every tip (one setting
  // per session, so every channel of the cut carries the same zone).
  const double zone_mm = sim.cartridge().rf_electrodes ? tissue::rf::zone_length_mm(sim.device().rf_energy_mj) : 0.0;
  for (int k = 0; k < cells; ++k) {
    const int cell = along_x ? line * grid.nx() + k : k * grid.nx() + line;
    if (grid.punctures(cell) == 0) continue;
    const double along = (k + 0.5) * tissue::TissueGrid::cell_mm;
    // A channel moves with the tissue around it: pressed down with the surface.
    const double top = along_x ? surface_shift_z_mm(dent, along, fixed) : surface_shift_z_mm(dent, fixed, along);
    cut.channels.push_back({along, grid.deepest_mm(cell), top, grid.deepest_layer(cell),
                            grid.bleeding(cell, sim.time_s()) > 0.05, zone_mm});
  }
}

}  // namespace dermasim::scene
