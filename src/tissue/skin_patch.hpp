#pragma once
// A rectangular patch of skin at one body site, with its stretch marks. This is
// model data: read-only once built; what treatment changes lives in TissueGrid.
#include <cstdint>
#include <string>
#include <vector>

#include "tissue/body_site.hpp"
#include "tissue/stretch_mark.hpp"

namespace dermasim::tissue {

/// What the skin is like at one point of the patch.
struct LocalTissue {
  LayerThickness layers;
  double depression_mm = 0.0;  // surface below the surrounding skin
  double stria_influence = 0.0;
  int stria_index = -1;        // the strongest mark here, or -1
};

struct PatchSpec {
  BodySite site = BodySite::abdomen;
  PatientBuild patient;
  double width_mm = 120.0;   // along x
  double height_mm = 80.0;   // along y
  std::vector<StretchMark> marks;

  static constexpr double min_size_mm = 10.0;
  static constexpr double max_size_mm = 400.0;
  /// Problems with the specification, empty when it can be built.
  std::vector<std::string> problems() const;
};

class SkinPatch {
 public:
  /// Throws std::invalid_argument listing every problem when `spec` is invalid.
  explicit SkinPatch(PatchSpec spec);

  const PatchSpec& spec() const { return spec_; }
  BodySite site() const { return spec_.site; }
  double width_mm() const { return spec_.width_mm; }
  double height_mm() const { return spec_.height_mm; }
  const std::vector<StretchMark>& marks() const { return spec_.marks; }
  const LayerThickness& normal_layers() const { return normal_; }
  const StriaEffect& effect(int mark_index) const { return effects_[static_cast<std::size_t>(mark_index)]; }

  bool contains(double x_mm, double y_mm) const;
  /// The tissue at a point; points off the patch get the nearest edge's tissue.
  LocalTissue at(double x_mm, double y_mm) const;
  /// The exact influence of one mark at a point.
  double influence(int mark_index, double x_mm, double y_mm) const;

  /// Resolution of the precomputed stria lookup, equal to the tissue grid's.
  static constexpr double lookup_cell_mm = 0.25;

 private:
  PatchSpec spec_;
  LayerThickness normal_;
  std::vector<StriaEffect> effects_;
  int nx_ = 0, ny_ = 0;
  // Strongest mark per lookup cell and its influence: the physics asks for the
  // tissue under every needle at every step, so marks are rasterised once.
  std::vector<std::int16_t> lookup_index_;
  std::vector<float> lookup_influence_;
};

}  // namespace dermasim::tissue
