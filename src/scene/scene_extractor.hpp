#pragma once
// Builds the RenderScene from the simulator's public state. Keeps caches so a
// frame costs little: the untreated skin fields are built once per patch, and
// treatment fields are recomputed only where punctures changed, plus a rolling
// refresh of a few rows per frame so bleeding and redness fade.
#include <cstdint>
#include <memory>
#include <vector>

#include "physics/simulator.hpp"
#include "scene/render_scene.hpp"
#include "scene/scene_settings.hpp"

namespace dermasim::scene {

/// The untreated skin of a patch as per-cell fields.
std::shared_ptr<const SkinFields> build_skin_fields(const tissue::SkinPatch& patch, std::uint64_t revision);

/// The strata under a point of the patch.
StrataColumn strata_column(const tissue::SkinPatch& patch, double x_mm, double y_mm);

class SceneExtractor {
 public:
  /// Rows re-evaluated per extraction so decay shows without a full pass.
  static constexpr int refresh_rows_per_update = 8;

  /// Builds `scene()` from the simulator's current state.
  const RenderScene& update(const physics::Simulator& sim, const SceneSettings& settings);
  const RenderScene& scene() const { return scene_; }
  /// Forget every cache (after a reset or a new patch).
  void invalidate();

 private:
  void update_treatment(const tissue::TissueGrid& grid, const tissue::SkinPatch& patch, const SceneSettings& settings,
                        double time_s);
  void recompute_cells(const tissue::TissueGrid& grid, const SceneSettings& settings, double time_s,
                       const CellRect& rect);
  void update_block(const tissue::SkinPatch& patch);
  void update_cutaway(const physics::Simulator& sim, const SceneSettings& settings);
  void update_pen(const physics::Simulator& sim, const SceneSettings& settings);

  RenderScene scene_;
  const tissue::SkinPatch* patch_ = nullptr;
  std::vector<std::uint32_t> last_counts_;
  std::vector<std::uint64_t> summed_counts_;  // summed-area table of puncture counts
  // The heat map shows what grading counts (tissue/coverage.hpp): on a mark,
  // only the punctures inside the marks, per area of mark; so these tables
  // count the punctures and the cells that belong to a mark.
  std::vector<std::uint8_t> in_mark_;
  std::vector<std::uint64_t> summed_mark_counts_;
  std::vector<std::uint32_t> summed_mark_cells_;
  std::vector<std::uint8_t> row_has_treatment_;
  std::uint64_t last_total_ = 0;
  int refresh_row_ = 0;
  double last_target_per_cm2_ = -1.0, last_max_per_cm2_ = -1.0, last_window_mm_ = -1.0;
};

}  // namespace dermasim::scene
